import Disco
import DiscoExamples
import DiscoHTTP
import DiscoTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /commands/{name}`: every status it answers with.
@Suite struct CommandRouteTests {
    @Test func createGivesTheStateWithItsVersionAsETag() async throws {
        let http = try await WalletHTTP()
        try await http.test { client in
            try await client.execute(
                uri: "/commands/create_wallet",
                method: .post,
                headers: [.contentType: "application/json"],
                body: body(#"{"user_id":"\#(userID)","balance":100}"#)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.headers[.eTag] == "\"1\"")
                let state = decoded(response)
                #expect(state["user_id"] == .string(userID))
                #expect(state["balance"] == .double(100))
                #expect(state["id"]?.stringValue.flatMap(UUID.init(uuidString:)) != nil)
            }
        }
    }

    @Test func invalidParamsAre422WithTheErrorMapOfTheSpecLanguage() async throws {
        let http = try await WalletHTTP()
        try await http.test { client in
            try await client.execute(
                uri: "/commands/create_wallet",
                method: .post,
                body: body(#"{"balance":-1,"colour":"red"}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = decoded(response)
                #expect(problem["type"] == "urn:disco:problem:invalid-params")
                #expect(problem["status"] == 422)
                #expect(problem["title"] == "Invalid params")
                #expect(
                    problem["errors"]
                        == [
                            "user_id": ["must be a valid UUID string"],
                            "balance": ["must be a number greater than or equal to 0"],
                            "colour": ["is not a known parameter"],
                        ]
                )
            }
        }
    }

    @Test func brokenRequireRuleIs422WithAnotherType() async throws {
        let http = try await WalletHTTP()
        let wallet = try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 10])
        try await http.test { client in
            try await client.execute(
                uri: "/commands/withdraw",
                method: .post,
                body: body(#"{"id":"\#(wallet.id)","amount":20}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let problem = decoded(response)
                #expect(problem["type"] == "urn:disco:problem:rule-broken")
                #expect(problem["errors"] == ["amount": ["exceeds the balance"]])
            }
        }
    }

    @Test func notFoundIs404AndAlreadyExistsIs409() async throws {
        let http = try await WalletHTTP()
        let wallet = try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(userID)])
        try await http.test { client in
            try await client.execute(
                uri: "/commands/deposit",
                method: .post,
                body: body(#"{"id":"\#(UUID())","amount":5}"#)
            ) { response in
                #expect(response.status == .notFound)
                let problem = decoded(response)
                #expect(problem["type"] == "urn:disco:problem:not-found")
                #expect(problem["errors"] == ["id": ["not found"]])
            }
            try await client.execute(
                uri: "/commands/create_wallet",
                method: .post,
                body: body(#"{"id":"\#(wallet.id)","user_id":"\#(userID)"}"#)
            ) { response in
                #expect(response.status == .conflict)
                let problem = decoded(response)
                #expect(problem["type"] == "urn:disco:problem:already-exists")
                #expect(problem["errors"] == ["id": ["already exists"]])
            }
        }
    }

    @Test func unknownCommandIs404() async throws {
        let http = try await WalletHTTP()
        try await http.test { client in
            try await client.execute(uri: "/commands/open_wallet", method: .post, body: body("{}")) { response in
                #expect(response.status == .notFound)
                let problem = decoded(response)
                #expect(problem["type"] == "urn:disco:problem:unknown-name")
                #expect(problem["detail"] == "there is no command named 'open_wallet'")
            }
        }
    }

    @Test(arguments: ["[1,2]", "\"text\"", "{\"amount\":", "not json", "12"])
    func aBodyThatIsNotAJSONObjectIs400(_ text: String) async throws {
        let http = try await WalletHTTP()
        try await http.test { client in
            try await client.execute(uri: "/commands/deposit", method: .post, body: body(text)) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(decoded(response)["type"] == "urn:disco:problem:bad-body")
            }
        }
    }

    @Test func aBodyNestingTooDeeplyIs400() async throws {
        let http = try await WalletHTTP(options: DiscoHTTPOptions(maxJSONDepth: 4))
        let deep = #"{"amount":[[[[1]]]]}"#
        let fine = #"{"amount":[[["]]]]]]"]]]}"#
        try await http.test { client in
            try await client.execute(uri: "/commands/deposit", method: .post, body: body(deep)) { response in
                #expect(response.status == .badRequest)
                #expect(decoded(response)["detail"] == "the body nests arrays and objects deeper than 4 levels")
            }
            // Brackets inside strings do not count; this one reaches the params' rules.
            try await client.execute(uri: "/commands/deposit", method: .post, body: body(fine)) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }

    @Test func aBodyLargerThanTheLimitIs413() async throws {
        let http = try await WalletHTTP(options: DiscoHTTPOptions(maxBodySize: 64))
        let large = #"{"user_id":"\#(userID)","note":"\#(String(repeating: "x", count: 100))"}"#
        try await http.test { client in
            try await client.execute(uri: "/commands/create_wallet", method: .post, body: body(large)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(decoded(response)["type"] == "urn:disco:problem:body-too-large")
            }
        }
    }

    @Test func storeFailureIs503WithoutInternalDetails() async throws {
        let store = FailingEventStore(message: "the disk at /secret/path is full")
        let http = try await WalletHTTP(store: store)
        await store.setFailing(true)
        try await http.test { client in
            try await client.execute(
                uri: "/commands/create_wallet",
                method: .post,
                body: body(#"{"user_id":"\#(userID)"}"#)
            ) { response in
                #expect(response.status == .serviceUnavailable)
                let text = String(buffer: response.body)
                #expect(!text.contains("secret"))
                #expect(!text.contains("disk"))
                #expect(decoded(response)["type"] == "urn:disco:problem:store-unavailable")
            }
        }
    }

    @Test func respondAsyncIs202WithTheAggregateID() async throws {
        let http = try await WalletHTTP()
        let orchestrator = http.orchestrator
        try await http.test { client in
            let id = try await client.execute(
                uri: "/commands/create_wallet",
                method: .post,
                headers: [.prefer: "respond-async, wait=10"],
                body: body(#"{"user_id":"\#(userID)","balance":7}"#)
            ) { response in
                #expect(response.status == .accepted)
                #expect(response.headers[.preferenceApplied] == "respond-async")
                let id = try #require(decoded(response)["id"]?.stringValue.flatMap(UUID.init(uuidString:)))
                #expect(response.headers[.location] == "/aggregates/Wallet/\(id.uuidString.lowercased())")
                return id
            }
            await orchestrator.drain()
            let state = try await orchestrator.state(of: "Wallet", id: id)
            #expect(state?["balance"] == .double(7))
        }
    }

    @Test func respondAsyncWithBadParamsIsStill422() async throws {
        let http = try await WalletHTTP()
        try await http.test { client in
            try await client.execute(
                uri: "/commands/create_wallet",
                method: .post,
                headers: [.prefer: "respond-async"],
                body: body(#"{"user_id":"nope"}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(decoded(response)["errors"] == ["user_id": ["must be a valid UUID string"]])
            }
        }
    }

    @Test func idempotencyKeyRecordsARetriedRequestOnce() async throws {
        let http = try await WalletHTTP()
        let wallet = try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(userID)])
        try await http.test { client in
            for _ in 0..<3 {
                try await client.execute(
                    uri: "/commands/deposit",
                    method: .post,
                    headers: [.idempotencyKey: "deposit-2026-12-02-0001"],
                    body: body(#"{"id":"\#(wallet.id)","amount":5}"#)
                ) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.eTag] == "\"2\"")
                    #expect(decoded(response)["balance"] == .double(5))
                }
            }
        }
        let events = try await http.store.read(stream: StreamID(aggregate: "Wallet", id: wallet.id), after: 0)
        #expect(events.count == 2)
    }

    @Test func ifMatchDispatchesOnlyAtThatVersion() async throws {
        let http = try await WalletHTTP()
        let wallet = try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(userID)])
        let deposit = body(#"{"id":"\#(wallet.id)","amount":5}"#)
        try await http.test { client in
            try await client.execute(
                uri: "/commands/deposit",
                method: .post,
                headers: [.ifMatch: "\"1\""],
                body: deposit
            ) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"2\"")
            }
            for stale in ["\"1\"", "\"x\"", "W/\"7\""] {
                try await client.execute(
                    uri: "/commands/deposit",
                    method: .post,
                    headers: [.ifMatch: stale],
                    body: deposit
                ) {
                    response in
                    #expect(response.status == .preconditionFailed)
                    #expect(response.headers[.contentType] == "application/problem+json")
                    #expect(decoded(response)["type"] == "urn:disco:problem:version-mismatch")
                }
            }
            try await client.execute(
                uri: "/commands/deposit",
                method: .post,
                headers: [.ifMatch: "W/\"2\""],
                body: deposit
            ) {
                response in
                #expect(response.status == .ok)
            }
        }
        #expect(try await http.orchestrator.state(of: "Wallet", id: wallet.id)?.version == 3)
    }

    @Test func anIfMatchThatIsNotEntityTagsIs400AndSeveralVersionsNeverMatch() async throws {
        let http = try await WalletHTTP()
        let wallet = try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(userID)])
        let deposit = body(#"{"id":"\#(wallet.id)","amount":5}"#)
        try await http.test { client in
            for malformed in ["1", "\"1", "\"1\", 2", "\"a\"b\""] {
                try await client.execute(
                    uri: "/commands/deposit",
                    method: .post,
                    headers: [.ifMatch: malformed],
                    body: deposit
                ) {
                    response in
                    #expect(response.status == .badRequest, "If-Match: \(malformed)")
                    #expect(decoded(response)["type"] == "urn:disco:problem:bad-header")
                }
            }
            try await client.execute(
                uri: "/commands/deposit",
                method: .post,
                headers: [.ifMatch: "\"1\", \"2\""],
                body: deposit
            ) {
                response in
                #expect(response.status == .preconditionFailed)
            }
            try await client.execute(
                uri: "/commands/deposit",
                method: .post,
                headers: [.ifMatch: "\"x\", \"1\""],
                body: deposit
            ) {
                response in
                #expect(response.status == .ok)
            }
            // An empty list of tags asks for nothing (RFC 9110 `#entity-tag`).
            try await client.execute(uri: "/commands/deposit", method: .post, headers: [.ifMatch: ""], body: deposit) {
                response in
                #expect(response.status == .ok)
            }
        }
        #expect(try await http.orchestrator.state(of: "Wallet", id: wallet.id)?.version == 3)
    }

    @Test func aDepositThatWouldMakeTheBalanceInfiniteIsRefusedAndNothingIsRecorded() async throws {
        let http = try await WalletHTTP()
        let wallet = try await http.orchestrator.dispatch(
            "create_wallet",
            ["user_id": .string(userID), "balance": 1e308]
        )
        try await http.test { client in
            try await client.execute(
                uri: "/commands/deposit",
                method: .post,
                body: body(#"{"id":"\#(wallet.id)","amount":1e308}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let problem = decoded(response)
                #expect(problem["type"] == "urn:disco:problem:rule-broken")
                #expect(problem["errors"] == ["balance": ["must stay a finite number"]])
            }
            try await client.execute(uri: "/aggregates/Wallet/\(wallet.id)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(decoded(response)["balance"] == .double(1e308))
            }
        }
        #expect(try await http.store.read(stream: StreamID(aggregate: "Wallet", id: wallet.id)).count == 1)
    }

    @Test func aMethodAPathDoesNotServeIs405WithAllow() async throws {
        let http = try await WalletHTTP()
        try await http.test { client in
            for (method, path, allowed) in [
                (HTTPRequest.Method.get, "/commands/deposit", "POST"), (.trace, "/queries/list_wallets", "GET"),
                (.delete, "/aggregates/Wallet/\(UUID())", "GET"),
            ] {
                try await client.execute(uri: path, method: method) { response in
                    #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                    #expect(response.headers[.allow] == allowed)
                    #expect(response.headers[.contentType] == "application/problem+json")
                }
            }
        }
    }

    @Test func correlationIDFlowsIntoTheEventsAndBack() async throws {
        let http = try await WalletHTTP()
        let correlation = UUID()
        let id = try await http.test2 { client in
            try await client.execute(
                uri: "/commands/create_wallet",
                method: .post,
                headers: [.correlationID: correlation.uuidString],
                body: body(#"{"user_id":"\#(userID)"}"#)
            ) { response in
                #expect(response.headers[.correlationID] == correlation.uuidString)
                return try #require(decoded(response)["id"]?.stringValue.flatMap(UUID.init(uuidString:)))
            }
        }
        let events = try await http.store.read(stream: StreamID(aggregate: "Wallet", id: id), after: 0)
        #expect(events.map(\.correlationID) == [correlation])
    }

    @Test func aMiddlewareRefusalIs403() async throws {
        let http = try await WalletHTTP()
        await http.orchestrator.use(RefuseAll())
        try await http.test { client in
            try await client.execute(
                uri: "/commands/create_wallet",
                method: .post,
                body: body(#"{"user_id":"\#(userID)"}"#)
            ) { response in
                #expect(response.status == .forbidden)
                #expect(decoded(response)["detail"] == "closed: the ledger is closed for the night")
            }
        }
    }
}

/// Refuses every command.
struct RefuseAll: DispatchMiddleware {
    func before(_ request: DispatchRequest) async throws(DispatchError) -> DispatchRequest {
        throw .refused(DispatchRefusal(code: "closed", "the ledger is closed for the night"))
    }
}

extension WalletHTTP {
    /// Runs requests and returns what they found.
    func test2<T: Sendable>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let app = Application(router: router)
        return try await app.test(.router) { client in try await body(client) }
    }
}
