import Disco
import DiscoExamples
import Foundation
import Testing

/// `CommandMetadata.expectedVersion`, reading one aggregate's state, and the listing of
/// aggregates: what HTTP's `If-Match`, `ETag` and console need.
@Suite struct ExpectedVersionAndStateTests {
    let user = Value.string("0b7c5a52-3f4e-4d0a-9b8e-2f1d6c9e8a41")

    @Test func aCommandIsRecordedOnlyAtTheExpectedVersion() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let wallet = try await orchestrator.dispatch(
            "create_wallet",
            ["user_id": user],
            metadata: CommandMetadata(expectedVersion: 0)
        )
        let id = Value.string(wallet.id.uuidString)

        let deposited = try await orchestrator.dispatch(
            "deposit",
            ["id": id, "amount": 1],
            metadata: CommandMetadata(expectedVersion: 1)
        )
        #expect(deposited.version == 2)
        let stale = await #expect(throws: DispatchError.self) {
            try await orchestrator.dispatch(
                "deposit",
                ["id": id, "amount": 1],
                metadata: CommandMetadata(expectedVersion: 1)
            )
        }
        #expect(stale == .versionMismatch(expected: 1, actual: 2))
        #expect(stale?.description == "the aggregate is at version 2, not 1; the command was not recorded")
        let label = stale.map { DispatchOutcome(result: .failure($0), aggregateID: nil, duration: .zero).label }
        #expect(label == "version_mismatch")

        // A creating command expecting version 0 finds the aggregate there already.
        let again = await #expect(throws: DispatchError.self) {
            try await orchestrator.dispatch(
                "create_wallet",
                ["id": id, "user_id": user],
                metadata: CommandMetadata(expectedVersion: 0)
            )
        }
        #expect(again == .versionMismatch(expected: 0, actual: 2))
        // A missing aggregate is at version 0.
        let missing = await #expect(throws: DispatchError.self) {
            try await orchestrator.dispatch(
                "deposit",
                ["id": .string(UUID().uuidString), "amount": 1],
                metadata: CommandMetadata(expectedVersion: 3)
            )
        }
        #expect(missing == .versionMismatch(expected: 3, actual: 0))
        #expect(await store.read(stream: StreamID(aggregate: "Wallet", id: wallet.id), after: 0).count == 2)
    }

    @Test func oneAggregatesStateWithItsVersion() async throws {
        let store = InMemoryEventStore()
        let first = try await Orchestrator.start([Wallet.self], store: store)
        let wallet = try await first.dispatch("create_wallet", ["user_id": user, "balance": 2])
        try await first.dispatch("deposit", ["id": .string(wallet.id.uuidString), "amount": 3])

        // A second orchestrator on the same store, after a write it did not make, catches up.
        let second = try await Orchestrator.start(
            [Wallet.self],
            store: store,
            options: OrchestratorOptions(cacheLimit: 1)
        )
        try await first.dispatch("deposit", ["id": .string(wallet.id.uuidString), "amount": 5])
        let state = try await second.state(of: "Wallet", id: wallet.id)
        #expect(state?.version == 3)
        #expect(state?["balance"] == .double(10))
        #expect(try await second.state(of: "Wallet", id: UUID()) == nil)
        #expect(try await second.state(of: "Purse", id: wallet.id) == nil)
    }

    @Test func theAggregatesWithTheirCommandsAndQueries() async throws {
        let orchestrator = try await Orchestrator.start([Wallet.self, TaskItem.self], store: InMemoryEventStore())
        let names = orchestrator.aggregates().map(\.name)
        #expect(names == ["TaskItem", "Wallet"])
        #expect(
            orchestrator.aggregates().last
                == AggregateDescription(
                    name: "Wallet",
                    commands: ["create_wallet", "deposit", "withdraw"],
                    queries: ["get_wallet", "list_wallets"]
                )
        )
        #expect(orchestrator.aggregate(ofCommand: "deposit") == "Wallet")
        #expect(orchestrator.aggregate(ofQuery: "list_wallets") == "Wallet")
        #expect(orchestrator.aggregate(ofCommand: "nope") == nil)
    }
}
