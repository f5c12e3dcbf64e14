import DiscoExamples
import Foundation
import Logging
import Testing

@testable import Disco

/// Bounded state caching through the orchestrator: evicted states come back from the store.
@Suite struct StateCacheOrchestratorTests {
    @Test func evictedStatesAreRebuiltAndCommandsStillDecideRightly() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start(
            [Wallet.self],
            store: store,
            options: OrchestratorOptions(cacheLimit: 2)
        )
        var ids: [UUID] = []
        for _ in 0..<6 { ids.append(try await orchestrator.createWallet(balance: 10)) }
        for (number, id) in ids.enumerated() {
            let state = try await orchestrator.deposit(id, Double(number + 1))
            #expect(state.version == 2)
            #expect(state["balance"] == .double(11 + Double(number)))
        }
        await #expect(throws: DispatchError.rejected(["amount": ["exceeds the balance"]])) {
            try await orchestrator.dispatch("withdraw", ["id": .string(ids[0].uuidString), "amount": 11.5])
        }
        for (number, id) in ids.enumerated() {
            #expect(try await orchestrator.balance(id) == 11 + Double(number))
        }
    }

    @Test func anotherWriterIsCaughtUpOnAfterEviction() async throws {
        let store = InMemoryEventStore()
        let first = try await Orchestrator.start(
            [Wallet.self],
            store: store,
            options: OrchestratorOptions(cacheLimit: 1)
        )
        let id = try await first.createWallet(balance: 1)
        let second = try await Orchestrator.start([Wallet.self], store: store)
        try await second.deposit(id, 2)
        _ = try await first.createWallet()
        let state = try await first.deposit(id, 4)
        #expect(state.version == 3)
        #expect(state["balance"] == .double(7))
    }

    @Test func theSnapshotStoreIsAskedWhenNothingElseHoldsTheState() async throws {
        let store = InMemoryEventStore()
        let writer = try await Orchestrator.start([Wallet.self], store: store)
        let id = try await writer.createWallet(balance: 1)
        try await writer.deposit(id, 2)
        let snapshots = RecordingSnapshots()
        let reader = try await Orchestrator.start(
            [Wallet.self],
            store: store,
            options: OrchestratorOptions(snapshots: snapshots)
        )
        let other = try await writer.createWallet(balance: 3)
        let state = try await reader.deposit(other, 1)
        #expect(state["balance"] == .double(4))
        let wallet = { StreamID(aggregate: "Wallet", id: $0) }
        #expect(await snapshots.asked == [wallet(id), wallet(other)])
    }
}

/// A snapshot store that has no snapshots and remembers what it was asked for.
actor RecordingSnapshots: SnapshotStore {
    private(set) var asked: [StreamID] = []

    func snapshot(of stream: StreamID) -> Snapshot? {
        asked.append(stream)
        return nil
    }

    func save(_ snapshot: Snapshot) {}
}

/// The cache bound holds memory: every state is held once, in the read model, and the
/// cache marks at most `cacheLimit` of them as current without copying them.
@Suite struct StateCacheMemoryTests {
    @Test func theCacheHoldsAtMostItsLimitAndNoCopiesOfStates() async throws {
        let runtime = AggregateRuntime<Wallet>(
            store: InMemoryEventStore(),
            options: OrchestratorOptions(cacheLimit: 10),
            logger: Logger(label: "test")
        )
        for _ in 0..<200 {
            _ = try await runtime.dispatch(
                "create_wallet",
                ["user_id": .string(UUID().uuidString)],
                metadata: CommandMetadata()
            )
        }
        let held = await runtime.heldStates
        #expect(held.states == 200)
        #expect(held.cached == 10)
    }
}
