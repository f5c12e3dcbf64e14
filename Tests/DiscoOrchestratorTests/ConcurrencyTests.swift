import Disco
import DiscoExamples
import Foundation
import Testing

/// Commands on one aggregate take turns; commands on many aggregates from many tasks leave
/// every aggregate consistent with its stream.
@Suite struct ConcurrencyTests {
    @Test func sixtyFourConcurrentCommandsOnOneAggregate() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let wallet = try await orchestrator.createWallet(balance: 0)
        let amounts = (1...64).map(Double.init)
        let versions = try await withThrowingTaskGroup(of: Int.self) { group in
            for amount in amounts {
                group.addTask { try await orchestrator.deposit(wallet, amount).version }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(versions.sorted() == Array(2...65))
        let stream = try await store.read(stream: StreamID(aggregate: "Wallet", id: wallet))
        #expect(stream.map(\.version) == Array(1...65))
        let sequential = amounts.reduce(0, +)
        #expect(try await orchestrator.balance(wallet) == sequential)
        let folded = try Wallet(id: wallet).applying(
            stream.map { try Wallet.Event(eventType: $0.eventType, schemaVersion: $0.schemaVersion, payload: $0.payload) }
        )
        #expect(folded.balance == sequential)
    }

    @Test func tenThousandCommandsOverManyAggregatesFromManyTasks() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start(
            [Wallet.self],
            store: store,
            options: OrchestratorOptions(cacheLimit: 32)
        )
        let wallets = try await (0..<100).asyncMap { _ in try await orchestrator.createWallet(balance: 1_000) }
        let tasks = 50
        let perTask = 200
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    for step in 0..<perTask {
                        let wallet = wallets[(task * 7 + step * 13) % wallets.count]
                        if step % 4 == 3 {
                            do {
                                try await orchestrator.dispatch("withdraw", ["id": .string(wallet.uuidString), "amount": 3])
                            } catch DispatchError.rejected {
                                // The balance may not allow it; the rule decides, consistently.
                            }
                        } else {
                            try await orchestrator.deposit(wallet, 1)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(await store.headPosition() >= Int64(wallets.count + tasks * perTask * 3 / 4))
        let restarted = try await Orchestrator.start([Wallet.self], store: store)
        for wallet in wallets {
            let stream = try await store.read(stream: StreamID(aggregate: "Wallet", id: wallet))
            #expect(stream.map(\.version) == Array(1...stream.count))
            let folded = try Wallet(id: wallet).applying(
                stream.map { try Wallet.Event(eventType: $0.eventType, schemaVersion: $0.schemaVersion, payload: $0.payload) }
            )
            let live = try await orchestrator.query("get_wallet", ["id": .string(wallet.uuidString)]).states.first
            let replayed = try await restarted.query("get_wallet", ["id": .string(wallet.uuidString)]).states.first
            #expect(live?.version == stream.count)
            #expect(live?["balance"] == .double(folded.balance))
            #expect(replayed == live)
            #expect(folded.balance >= 0)
        }
    }
}
