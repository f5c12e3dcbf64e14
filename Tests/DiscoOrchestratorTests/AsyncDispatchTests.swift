import Disco
import DiscoExamples
import Foundation
import Testing

/// Commands dispatched with `async: true`: validated first, recorded in the background,
/// failures handed to the error handler, all awaited by `drain()`.
@Suite struct AsyncDispatchTests {
    @Test func everyAsyncDispatchIsRecordedAfterDrain() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let wallets = try await (0..<10).asyncMap { _ in try await orchestrator.createWallet() }
        await withThrowingTaskGroup(of: Void.self) { group in
            for wallet in wallets {
                group.addTask {
                    for _ in 0..<20 {
                        try await orchestrator.dispatch("deposit", ["id": .string(wallet.uuidString), "amount": 1], async: true)
                    }
                }
            }
        }
        await orchestrator.drain()
        #expect(await orchestrator.pendingCount == 0)
        #expect(await store.headPosition() == 10 + 200)
        for wallet in wallets {
            #expect(try await orchestrator.balance(wallet) == 20)
            #expect(try await store.read(stream: StreamID(aggregate: "Wallet", id: wallet)).count == 21)
        }
    }

    @Test func failuresGoToTheErrorHandlerBeforeDrainReturns() async throws {
        let orchestrator = try await Orchestrator.start([Wallet.self], store: InMemoryEventStore())
        let failures = Failures()
        await orchestrator.setErrorHandler { await failures.add($0) }
        let wallet = try await orchestrator.createWallet(balance: 5)
        let metadata = CommandMetadata()
        try await orchestrator.dispatch("withdraw", ["id": .string(wallet.uuidString), "amount": 6], async: true, metadata: metadata)
        let missing = UUID()
        try await orchestrator.dispatch("deposit", ["id": .string(missing.uuidString), "amount": 1], async: true)
        await orchestrator.drain()
        let handled = await failures.all
        #expect(handled.count == 2)
        let rule = try #require(handled.first { $0.command == "withdraw" })
        #expect(rule.error == .rejected(["amount": ["exceeds the balance"]]))
        #expect(rule.metadata == metadata)
        #expect(rule.aggregateID == wallet)
        let notFound = try #require(handled.first { $0.command == "deposit" })
        #expect(notFound.error == .rejected(["id": ["not found"]]))
        #expect(notFound.description.contains("not found"))
    }

    @Test func drainWithNothingPendingReturns() async throws {
        let orchestrator = try await Orchestrator.start([Wallet.self], store: InMemoryEventStore())
        await orchestrator.drain()
        await orchestrator.drain()
        #expect(await orchestrator.pendingCount == 0)
    }
}

/// Collects what an error handler receives.
actor Failures {
    private(set) var all: [AsyncDispatchFailure] = []

    func add(_ failure: AsyncDispatchFailure) {
        all.append(failure)
    }
}

extension Sequence where Element: Sendable {
    /// The results of an async transform, in order, one at a time.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
