import Disco
import DiscoExamples
import Foundation
import Logging
import MetricsTestKit
import Testing

/// Middleware around dispatch: before (refusing, adding metadata) and after (outcomes),
/// and the built-in logging and metrics middleware.
@Suite struct MiddlewareTests {
    @Test func aMiddlewareCanRefuseWithATypedErrorAndNothingIsRecorded() async throws {
        let store = InMemoryEventStore()
        let outcomes = Outcomes()
        let orchestrator = try await Orchestrator.start(
            [Wallet.self],
            store: store,
            options: OrchestratorOptions(middleware: [outcomes, TellersOnly()])
        )
        let wallet = try await orchestrator.createWallet(balance: 10)
        let refusal = DispatchRefusal(code: "unauthorised", "only tellers may withdraw")
        await #expect(throws: DispatchError.refused(refusal)) {
            try await orchestrator.dispatch("withdraw", ["id": .string(wallet.uuidString), "amount": 1])
        }
        await #expect(throws: DispatchError.refused(refusal)) {
            try await orchestrator.dispatch("withdraw", ["id": .string(wallet.uuidString), "amount": 1], async: true)
        }
        #expect(await store.headPosition() == 1)
        let state = try await orchestrator.dispatch(
            "withdraw",
            ["id": .string(wallet.uuidString), "amount": 1],
            metadata: CommandMetadata(metadata: ["role": "teller"])
        )
        #expect(state["balance"] == .double(9))
        #expect(await outcomes.labels == ["recorded", "refused", "refused", "recorded"])
    }

    @Test func beforeMayAddMetadataThatEventsKeep() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        await orchestrator.use(Stamp())
        let wallet = try await orchestrator.createWallet()
        let event = try #require(try await store.read(stream: StreamID(aggregate: "Wallet", id: wallet)).first)
        #expect(event.metadata["stamped"] == .bool(true))
    }

    @Test func afterSeesBackgroundOutcomesBeforeDrainReturns() async throws {
        let outcomes = Outcomes()
        let orchestrator = try await Orchestrator.start(
            [Wallet.self],
            store: InMemoryEventStore(),
            options: OrchestratorOptions(middleware: [outcomes])
        )
        await orchestrator.setErrorHandler { _ in }
        let wallet = try await orchestrator.createWallet(balance: 1)
        try await orchestrator.dispatch("withdraw", ["id": .string(wallet.uuidString), "amount": 5], async: true)
        await orchestrator.drain()
        await #expect(throws: DispatchError.self) {
            try await orchestrator.dispatch("withdraw", ["amount": 5], async: true)
        }
        await orchestrator.drain()
        #expect(await outcomes.labels == ["recorded", "rejected", "invalid_params"])
    }

    @Test func metricsCountAndTimeEveryDispatch() async throws {
        let metrics = TestMetrics()
        let orchestrator = try await Orchestrator.start(
            [Wallet.self],
            store: InMemoryEventStore(),
            options: OrchestratorOptions(middleware: [MetricsMiddleware(factory: metrics), LoggingMiddleware()])
        )
        let wallet = try await orchestrator.createWallet()
        try await orchestrator.deposit(wallet, 1)
        try await orchestrator.deposit(wallet, 1)
        _ = try? await orchestrator.dispatch("deposit", ["id": .string(wallet.uuidString), "amount": -1])
        let recorded = try metrics.expectCounter("disco_commands_total", [("command", "deposit"), ("outcome", "recorded")])
        #expect(recorded.totalValue == 2)
        let invalid = try metrics.expectCounter("disco_commands_total", [("command", "deposit"), ("outcome", "invalid_params")])
        #expect(invalid.totalValue == 1)
        let timer = try metrics.expectTimer("disco_command_duration", [("command", "deposit"), ("outcome", "recorded")])
        #expect(timer.values.count == 2)
    }
}

/// Refuses withdrawals without `role: teller` in the metadata.
struct TellersOnly: DispatchMiddleware {
    func before(_ request: DispatchRequest) async throws(DispatchError) -> DispatchRequest {
        guard request.command != "withdraw" || request.metadata.metadata["role"] == "teller" else {
            throw .refused(DispatchRefusal(code: "unauthorised", "only tellers may withdraw"))
        }
        return request
    }
}

/// Adds `stamped: true` to every command's metadata.
struct Stamp: DispatchMiddleware {
    func before(_ request: DispatchRequest) async throws(DispatchError) -> DispatchRequest {
        var request = request
        request.metadata.metadata["stamped"] = true
        return request
    }
}

/// Remembers the label of every outcome, in order.
actor Outcomes: DispatchMiddleware {
    private(set) var labels: [String] = []

    func after(_ request: DispatchRequest, outcome: DispatchOutcome) async {
        labels.append(outcome.label)
    }
}
