import Disco
import DiscoExamples
import Foundation
import Testing

/// The same command id dispatched twice records its events once and returns the same
/// result, also after a restart.
@Suite struct IdempotencyTests {
    @Test func aRepeatedCommandIDIsRecordedOnce() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let wallet = try await orchestrator.createWallet(balance: 1)
        let metadata = CommandMetadata()
        let first = try await orchestrator.deposit(wallet, 5, metadata: metadata)
        try await orchestrator.deposit(wallet, 7)
        let again = try await orchestrator.deposit(wallet, 5, metadata: metadata)
        #expect(again == first)
        #expect(await store.headPosition() == 3)
        #expect(try await orchestrator.balance(wallet) == 13)
    }

    @Test func aCreateWithAGeneratedIDReturnsTheSameAggregate() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let metadata = CommandMetadata()
        let user = UUID()
        let first = try await orchestrator.createWallet(user: user, balance: 3, metadata: metadata)
        let second = try await orchestrator.createWallet(user: user, balance: 3, metadata: metadata)
        let asyncID = try await orchestrator.dispatch(
            "create_wallet",
            ["user_id": .string(user.uuidString), "balance": 3],
            async: true,
            metadata: metadata
        )
        await orchestrator.drain()
        #expect(second == first)
        #expect(asyncID == first)
        #expect(await store.headPosition() == 1)
    }

    @Test func concurrentDispatchesOfOneCommandIDRecordItOnce() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let metadata = CommandMetadata()
        let user = UUID()
        let states = try await withThrowingTaskGroup(of: AggregateState.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    try await orchestrator.dispatch("create_wallet", ["user_id": .string(user.uuidString)], metadata: metadata)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(states).count == 1)
        #expect(await store.headPosition() == 1)
    }

    @Test func aRepeatedCommandIDIsRecognisedAfterARestart() async throws {
        let store = InMemoryEventStore()
        let metadata = CommandMetadata()
        let wallet: UUID
        let first: AggregateState
        do {
            let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
            wallet = try await orchestrator.createWallet(balance: 1)
            first = try await orchestrator.deposit(wallet, 5, metadata: metadata)
            try await orchestrator.deposit(wallet, 2)
        }
        let restarted = try await Orchestrator.start([Wallet.self], store: store)
        let again = try await restarted.deposit(wallet, 5, metadata: metadata)
        #expect(again == first)
        #expect(await store.headPosition() == 3)
    }

    @Test func aRejectedCommandIsDecidedAgain() async throws {
        let orchestrator = try await Orchestrator.start([Wallet.self], store: InMemoryEventStore())
        let wallet = try await orchestrator.createWallet(balance: 1)
        let metadata = CommandMetadata()
        await #expect(throws: DispatchError.rejected(["amount": ["exceeds the balance"]])) {
            try await orchestrator.dispatch("withdraw", ["id": .string(wallet.uuidString), "amount": 2], metadata: metadata)
        }
        try await orchestrator.deposit(wallet, 1)
        let state = try await orchestrator.dispatch("withdraw", ["id": .string(wallet.uuidString), "amount": 2], metadata: metadata)
        #expect(state["balance"] == .double(0))
    }

    @Test func aBoundedHistoryForgetsTheOldestCommandIDs() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start(
            [Wallet.self],
            store: store,
            options: OrchestratorOptions(commandHistoryLimit: 2)
        )
        let wallet = try await orchestrator.createWallet()
        let old = CommandMetadata()
        try await orchestrator.deposit(wallet, 1, metadata: old)
        try await orchestrator.deposit(wallet, 1)
        try await orchestrator.deposit(wallet, 1)
        try await orchestrator.deposit(wallet, 1, metadata: old)
        #expect(await store.headPosition() == 5, "documented: beyond the limit a command id is not recognised")
    }
}
