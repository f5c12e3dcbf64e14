import Disco
import DiscoExamples
import DiscoHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The forms carry the rules of the OpenAPI document as input types and constraints.
@Suite struct ConsoleFormTests {
    @Test func createWalletHasTheTypesBoundsAndDefaultsOfItsParams() async throws {
        let http = try await ConsoleHTTP()
        try await http.test { client in
            try await client.execute(uri: "/console/commands/create_wallet", method: .get) { response in
                #expect(response.status == .ok)
                let page = text(response)
                #expect(page.contains(#"<form method="post" action="/console/commands/create_wallet""#))
                let userID = try #require(control(page, "user_id"))
                #expect(userID.hasPrefix("<input"))
                #expect(userID.contains(#"type="text""#))
                #expect(userID.contains(" required"))
                let balance = try #require(control(page, "balance"))
                #expect(balance.contains(#"type="number""#))
                #expect(balance.contains(#"step="any""#))
                #expect(balance.contains(#"min="0""#))
                #expect(balance.contains(#"value="0""#))
                #expect(!balance.contains(" required"))
                let id = try #require(control(page, "id"))
                #expect(!id.contains(" required"))
                let idField7 = try #require(field(page, "id"))
                #expect(idField7.contains("The new Wallet&#39;s id; a new one when absent."))
                #expect(page.contains(#"<input type="hidden" name="disco:command-id" value=""#))
                // The required params first, in the spec's order.
                let order = ["user_id", "balance", "id"].compactMap {
                    page.range(of: #"data-field="\#($0)""#)?.lowerBound
                }
                #expect(order.count == 3 && order == order.sorted())
            }
            try await client.execute(uri: "/console/commands/deposit", method: .get) { response in
                let amount = try #require(control(text(response), "amount"))
                #expect(amount.contains(#"type="number""#))
                #expect(amount.contains(" required"))
                #expect(!amount.contains("min="))
                let amountField8 = try #require(field(text(response), "amount"))
                #expect(amountField8.contains("number · &gt; 0"))
            }
        }
    }

    @Test func lengthsPatternsIntegersAndChoicesBecomeConstraints() async throws {
        let http = try await ConsoleHTTP([TaskItem.self], document: repositoryFile("Docs/openapi/task_item.json"))
        try await http.test { client in
            try await client.execute(uri: "/console/commands/create_task", method: .get) { response in
                let page = text(response)
                let title = try #require(control(page, "title"))
                #expect(title.contains(#"minlength="3""#))
                #expect(title.contains(#"maxlength="120""#))
                #expect(title.contains(" required"))
                // JSON Schema patterns match anywhere, a browser's the whole value.
                #expect(title.contains(#"pattern="(?=[\s\S]*(?:\S))[\s\S]*""#))
                let priority = try #require(control(page, "priority"))
                #expect(priority.contains(#"type="number""#))
                #expect(priority.contains(#"step="1""#))
                #expect(priority.contains(#"min="1""#))
                #expect(priority.contains(#"max="5""#))
                #expect(priority.contains(#"value="3""#))
            }
            try await client.execute(uri: "/console/commands/tag", method: .get) { response in
                let tag = try #require(control(text(response), "tag"))
                #expect(tag.contains(#"pattern="(?=[\s\S]*(?:^(?:[a-z][a-z0-9-]*)$))(?=[\s\S]*(?:\S))[\s\S]*""#))
            }
            try await client.execute(uri: "/console/commands/change_status", method: .get) { response in
                let page = text(response)
                let status = try #require(control(page, "status"))
                #expect(status.hasPrefix("<select"))
                #expect(status.contains(" required"))
                for choice in ["todo", "in_progress", "blocked", "done"] {
                    #expect(page.contains(#"<option value="\#(choice)">\#(choice)</option>"#))
                }
            }
            try await client.execute(uri: "/console/queries/tasks_by_status", method: .get) { response in
                let statusControl9 = try #require(control(text(response), "status"))
                #expect(statusControl9.hasPrefix("<select"))
            }
        }
    }

    @Test func aDefaultChoiceIsSelected() async throws {
        let http = try await ConsoleHTTP([BankAccount.self], document: repositoryFile("Docs/openapi/bank_account.json"))
        try await http.test { client in
            try await client.execute(uri: "/console/commands/open_account", method: .get) { response in
                let page = text(response)
                #expect(page.contains(#"<option value="EUR" selected>EUR</option>"#))
                #expect(page.contains(#"<option value="USD">USD</option>"#))
                let limit = try #require(control(page, "overdraft_limit"))
                #expect(limit.contains(#"max="5000""#))
                let owner = try #require(control(page, "owner"))
                #expect(owner.contains(#"minlength="2""#) && owner.contains(#"maxlength="80""#))
            }
        }
    }
}
