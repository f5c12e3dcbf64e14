import Disco
import DiscoExamples
import DiscoHTTP
import DiscoTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Submitting the forms: the messages of a refusal beside their fields, the new state of a
/// success, the results of a query.
@Suite struct ConsoleCommandTests {
    @Test func aBadValueShowsItsMessageBesideItsFieldAndRecordsNothing() async throws {
        let http = try await ConsoleHTTP()
        try await http.test { client in
            try await client.execute(
                uri: "/console/commands/create_wallet",
                method: .post,
                headers: formHeaders,
                body: form(["user_id": "not-a-uuid", "balance": "-1", "id": ""])
            ) { response in
                #expect(response.status == .unprocessableContent)
                let page = text(response)
                let userID = try #require(field(page, "user_id"))
                #expect(
                    userID.contains(
                        #"<ul class="errors" id="errors-user_id"><li>must be a valid UUID string</li></ul>"#
                    )
                )
                let balance = try #require(field(page, "balance"))
                #expect(balance.contains("<li>must be a number greater than or equal to 0</li>"))
                let idField0 = try #require(field(page, "id"))
                #expect(idField0.contains("errors") == false)
                // The values come back as they were typed.
                let useridControl1 = try #require(control(page, "user_id"))
                #expect(useridControl1.contains(#"value="not-a-uuid""#))
                let balanceControl2 = try #require(control(page, "balance"))
                #expect(balanceControl2.contains(#"aria-invalid="true""#))
                #expect(page.contains("Nothing was recorded."))
            }
        }
        #expect(try await http.store.headPosition() == 0)
    }

    @Test func textInANumberFieldIsSentAsTextAndRefusedWithTheSpecMessage() async throws {
        let http = try await ConsoleHTTP()
        try await http.test { client in
            try await client.execute(
                uri: "/console/commands/create_wallet",
                method: .post,
                headers: formHeaders,
                body: form(["user_id": userID, "balance": "ten"])
            ) { response in
                #expect(response.status == .unprocessableContent)
                let balanceField3 = try #require(field(text(response), "balance"))
                #expect(balanceField3.contains("<li>must be a number</li>"))
            }
        }
        #expect(try await http.store.headPosition() == 0)
    }

    @Test func aGoodValueShowsTheNewState() async throws {
        let http = try await ConsoleHTTP()
        let commandID = UUID()
        try await http.test { client in
            for _ in 0..<2 {
                try await client.execute(
                    uri: "/console/commands/create_wallet",
                    method: .post,
                    headers: formHeaders,
                    body: form([
                        "disco:command-id": commandID.uuidString, "user_id": userID, "balance": "12.5", "id": "",
                    ])
                ) { response in
                    #expect(response.status == .ok)
                    let page = text(response)
                    #expect(page.contains("Dispatched: the Wallet is at version 1."))
                    #expect(page.contains("<tr><th>user_id</th><td>\(userID)</td></tr>"))
                    #expect(page.contains("<tr><th>balance</th><td>12.5</td></tr>"))
                    #expect(!page.contains(#"class="errors""#))
                }
            }
        }
        // Submitted twice with one command id (a reload of the answer): recorded once.
        let events = try await http.store.readAll(after: 0, limit: 10)
        #expect(events.map(\.eventType) == ["wallet_created"])
        #expect(events.first?.payload["balance"] == .double(12.5))
        #expect(events.first?.commandID == commandID)
    }

    @Test func aRefusalOfTheAggregateShowsItsMessages() async throws {
        let http = try await ConsoleHTTP()
        let id = UUID().uuidString
        try await http.test { client in
            try await client.execute(
                uri: "/console/commands/deposit",
                method: .post,
                headers: formHeaders,
                body: form(["id": id, "amount": "5"])
            ) { response in
                #expect(response.status == .notFound)
                let idField4 = try #require(field(text(response), "id"))
                #expect(idField4.contains("<li>not found</li>"))
            }
        }
    }

    @Test func aStoreFailureSaysNothingOfTheStore() async throws {
        let store = FailingEventStore(message: "the disk at /secret/path is full")
        let http = try await ConsoleHTTP(store: store)
        await store.setFailing(true)
        try await http.test { client in
            try await client.execute(
                uri: "/console/commands/create_wallet",
                method: .post,
                headers: formHeaders,
                body: form(["user_id": userID])
            ) { response in
                #expect(response.status == .serviceUnavailable)
                let page = text(response)
                #expect(page.contains("Store unavailable"))
                #expect(!page.contains("/secret/path"))
                #expect(!page.contains("disk"))
            }
        }
    }

    @Test func aQueryShowsItsResultsOrTheMessagesBesideItsFields() async throws {
        let http = try await ConsoleHTTP()
        try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 7])
        try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 8])
        try await http.test { client in
            try await client.execute(uri: "/console/queries/list_wallets", method: .get) { response in
                #expect(response.status == .ok)
                let useridControl5 = try #require(control(text(response), "user_id"))
                #expect(useridControl5.contains(" required"))
            }
            try await client.execute(
                uri: "/console/queries/list_wallets",
                method: .post,
                headers: formHeaders,
                body: form(["user_id": userID])
            ) { response in
                #expect(response.status == .ok)
                let page = text(response)
                #expect(page.contains("2 Wallets match."))
                #expect(page.contains("<tr><th>balance</th><td>7.0</td></tr>"))
                #expect(page.contains("<tr><th>balance</th><td>8.0</td></tr>"))
            }
            try await client.execute(
                uri: "/console/queries/list_wallets",
                method: .post,
                headers: formHeaders,
                body: form(["user_id": "nobody"])
            ) { response in
                #expect(response.status == .unprocessableContent)
                let useridField6 = try #require(field(text(response), "user_id"))
                #expect(useridField6.contains("<li>must be a valid UUID string</li>"))
            }
        }
    }
}
