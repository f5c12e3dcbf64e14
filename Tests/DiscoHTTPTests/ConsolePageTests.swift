import Disco
import DiscoExamples
import DiscoHTTP
import DiscoTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The console's pages: what they list, and that the console is there only when enabled.
@Suite struct ConsolePageTests {
    @Test func theIndexListsTheAggregatesWithTheirCommandsAndQueries() async throws {
        let http = try await ConsoleHTTP()
        try await http.test { client in
            try await client.execute(uri: "/console", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = text(response)
                #expect(page.contains(#"<meta name="viewport" content="width=device-width, initial-scale=1">"#))
                #expect(page.contains("<h2>Wallet</h2>"))
                #expect(page.contains("A user&#39;s wallet holding a balance."))
                for command in ["create_wallet", "deposit", "withdraw"] {
                    #expect(page.contains(#"<a href="/console/commands/\#(command)">\#(command)</a>"#))
                }
                for query in ["get_wallet", "list_wallets"] {
                    #expect(page.contains(#"<a href="/console/queries/\#(query)">\#(query)</a>"#))
                }
            }
        }
    }

    @Test func pagesLoadNothingFromElsewhereAndCannotBeFramed() async throws {
        let http = try await ConsoleHTTP()
        try await http.test { client in
            try await client.execute(uri: "/console/commands/create_wallet", method: .get) { response in
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("default-src 'none'"))
                #expect(policy.contains("script-src 'self'"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                // Not no-referrer: with it, browsers post forms with `Origin: null`.
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
                #expect(!text(response).contains("http://"))
                #expect(!text(response).contains("https://"))
            }
            try await client.execute(uri: "/console/console.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            }
        }
    }

    @Test func theConsoleIsAbsentUnlessEnabled() async throws {
        let http = try await ConsoleHTTP(console: false)
        try await http.test { client in
            for uri in ["/console", "/console/commands/create_wallet", "/console/streams", "/console/live/events"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
            try await client.execute(
                uri: "/console/commands/create_wallet",
                method: .post,
                headers: formHeaders,
                body: form(["user_id": userID])
            ) { response in
                #expect(response.status == .notFound)
            }
        }
        #expect(try await http.store.headPosition() == 0)
    }

    @Test func theStreamsPageListsTheStreamsAndAStreamShowsItsStateAndEvents() async throws {
        let http = try await ConsoleHTTP()
        let wallet = try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 10])
        try await http.orchestrator.dispatch("deposit", ["id": .string(wallet.id.uuidString), "amount": 5])
        let id = wallet.id.uuidString.lowercased()
        try await http.test { client in
            try await client.execute(uri: "/console/streams", method: .get) { response in
                #expect(response.status == .ok)
                let page = text(response)
                #expect(page.contains(#"<a href="/console/streams/Wallet/\#(id)">Wallet-\#(id)</a></td><td>2</td>"#))
                #expect(page.contains("<strong>money_deposited</strong>"))
                #expect(!page.contains("cannot list"))
            }
            try await client.execute(uri: "/console/streams/Wallet/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                let page = text(response)
                #expect(page.contains("<tr><th>version</th><td>2</td></tr>"))
                #expect(page.contains("<tr><th>balance</th><td>15.0</td></tr>"))
                #expect(page.contains("<strong>wallet_created</strong> v1"))
                #expect(page.contains("<strong>money_deposited</strong> v2"))
                #expect(page.contains("<code>{&quot;amount&quot;:5.0}</code>"))
            }
            try await client.execute(uri: "/console/streams/Wallet/\(UUID().uuidString)", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/console/streams/Nothing/\(id)", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(text(response).contains("There is no aggregate type named &#39;Nothing&#39;."))
            }
        }
    }

    @Test func aStoreThatCannotListItsStreamsIsSaidSo() async throws {
        let http = try await ConsoleHTTP(store: FailingEventStore())
        let wallet = try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(userID)])
        try await http.test { client in
            try await client.execute(uri: "/console/streams", method: .get) { response in
                #expect(response.status == .ok)
                let page = text(response)
                #expect(page.contains("This event store cannot list its streams"))
                #expect(page.contains("/console/streams/Wallet/\(wallet.id.uuidString.lowercased())"))
            }
        }
    }

    @Test func withoutADocumentThePagesSaySoInsteadOfForms() async throws {
        let http = try await ConsoleHTTP(document: nil)
        try await http.test { client in
            try await client.execute(uri: "/console", method: .get) { response in
                #expect(text(response).contains("The console was given no OpenAPI document"))
            }
            try await client.execute(uri: "/console/commands/create_wallet", method: .get) { response in
                #expect(response.status == .ok)
                #expect(text(response).contains("does not describe this command, so there is no form for it"))
                #expect(!text(response).contains("<form"))
            }
        }
    }

    @Test func unknownNamesAre404Pages() async throws {
        let http = try await ConsoleHTTP()
        try await http.test { client in
            try await client.execute(uri: "/console/commands/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(text(response).contains("There is no command named &#39;nothing&#39;."))
            }
            try await client.execute(uri: "/console/queries/nothing", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func theLivePageOpensTheEventStream() async throws {
        let http = try await ConsoleHTTP()
        try await http.test { client in
            try await client.execute(uri: "/console/live", method: .get) { response in
                let page = text(response)
                #expect(page.contains(#"data-source="/console/live/events""#))
                #expect(page.contains(#"<script src="/console/console.js"></script>"#))
            }
            try await client.execute(uri: "/console/console.js", method: .get) { response in
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(text(response).contains("new EventSource"))
                #expect(!text(response).contains("innerHTML"))
            }
        }
    }
}
