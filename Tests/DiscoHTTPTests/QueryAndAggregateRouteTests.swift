import Disco
import DiscoExamples
import DiscoHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /queries/{name}` and `GET /aggregates/{Aggregate}/{id}`, and what any route answers.
@Suite struct QueryAndAggregateRouteTests {
    @Test func aListQueryGivesEveryMatchingState() async throws {
        let http = try await WalletHTTP()
        let first = try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 1])
        let second = try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 2])
        try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(UUID().uuidString)])
        try await http.test { client in
            try await client.execute(uri: "/queries/list_wallets?user_id=\(userID)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let ids = decoded(response).arrayValue?.compactMap { $0["id"]?.stringValue }
                #expect(ids == [first.id, second.id].map { $0.uuidString.lowercased() })
            }
            try await client.execute(uri: "/queries/list_wallets?user_id=\(UUID())", method: .get) { response in
                #expect(response.status == .ok)
                #expect(decoded(response) == [])
            }
        }
    }

    @Test func aOneQueryGivesTheStateOr404() async throws {
        let http = try await WalletHTTP()
        let wallet = try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 3])
        try await http.test { client in
            try await client.execute(uri: "/queries/get_wallet?id=\(wallet.id)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"1\"")
                #expect(decoded(response)["balance"] == .double(3))
            }
            try await client.execute(uri: "/queries/get_wallet?id=\(UUID())", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(decoded(response)["type"] == "urn:disco:problem:not-found")
            }
        }
    }

    @Test func queryProblems() async throws {
        let http = try await WalletHTTP()
        try await http.test { client in
            try await client.execute(uri: "/queries/get_wallet?id=nope", method: .get) { response in
                #expect(response.status == .unprocessableContent)
                #expect(decoded(response)["errors"] == ["id": ["must be a valid UUID string"]])
            }
            try await client.execute(uri: "/queries/get_wallet", method: .get) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/queries/all_wallets", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(decoded(response)["type"] == "urn:disco:problem:unknown-name")
            }
        }
    }

    @Test func anAggregateIsItsCurrentStateWithItsETag() async throws {
        let http = try await WalletHTTP()
        let wallet = try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 3])
        try await http.orchestrator.dispatch("deposit", ["id": .string(wallet.id.uuidString), "amount": 4])
        try await http.test { client in
            try await client.execute(uri: "/aggregates/Wallet/\(wallet.id)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"2\"")
                #expect(decoded(response)["balance"] == .double(7))
            }
            for missing in [
                "/aggregates/Wallet/\(UUID())", "/aggregates/Wallet/not-a-uuid", "/aggregates/Purse/\(wallet.id)",
            ] {
                try await client.execute(uri: missing, method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(response.headers[.contentType] == "application/problem+json")
                }
            }
        }
    }

    @Test func unknownPathsAndMethodsAreProblemsToo() async throws {
        let http = try await WalletHTTP()
        try await http.test { client in
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(decoded(response)["type"] == "about:blank")
            }
        }
    }

    @Test func theBearerTokenMiddlewareGuardsTheRoutes() async throws {
        let http = try await WalletHTTP(authentication: BearerTokenMiddleware(token: "s3cret"))
        try await http.test { client in
            for header in [nil, "Bearer wrong!", "Basic s3cret", "Bearer s3cre"] {
                var headers: HTTPFields = [:]
                if let header { headers[.authorization] = header }
                try await client.execute(uri: "/queries/list_wallets?user_id=\(userID)", method: .get, headers: headers)
                {
                    response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.wwwAuthenticate] == "Bearer")
                    #expect(decoded(response)["type"] == "urn:disco:problem:unauthorized")
                }
            }
            try await client.execute(
                uri: "/queries/list_wallets?user_id=\(userID)",
                method: .get,
                headers: [.authorization: "Bearer s3cret"]
            ) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func theOpenAPIDocumentIsServedWhenGiven() async throws {
        let document = Data(#"{"openapi":"3.1.0"}"#.utf8)
        let orchestrator = try await Orchestrator.start([Wallet.self], store: InMemoryEventStore())
        let app = Application(router: DiscoHTTPServer.router(orchestrator, document: document))
        try await app.test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(Data(response.body.readableBytesView) == document)
            }
        }
        let without = try await WalletHTTP()
        try await without.test { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func theCommandsAndQueriesAreListedByName() async throws {
        let http = try await WalletHTTP()
        try await http.test { client in
            try await client.execute(uri: "/commands", method: .get) { response in
                #expect(response.status == .ok)
                #expect(decoded(response) == ["create_wallet", "deposit", "withdraw"])
            }
            try await client.execute(uri: "/queries", method: .get) { response in
                #expect(decoded(response) == ["get_wallet", "list_wallets"])
            }
        }
    }
}
