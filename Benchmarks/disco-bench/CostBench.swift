import Disco
import DiscoExamples
import Foundation

/// A fixed number of deposits by one caller, for counting instructions with
/// `valgrind --tool=callgrind`: the instructions of one command are the difference between
/// two runs with different counts, divided by the difference in commands.
///
/// `disco-bench --phase cost --api typed|dynamic --store memory|jsonl --commands N`
enum CostBench {
    static func run(api: String, store kind: String, commands: Int, in folder: URL) async throws {
        let store: any EventStore
        if kind == "jsonl" {
            try? FileManager.default.removeItem(at: folder)
            store = try await JSONLinesEventStore.open(directory: folder, durability: .none)
        } else {
            store = InMemoryEventStore()
        }
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let client = Wallet.Client(orchestrator)
        let wallet = try await client.createWallet(userId: UUID(), balance: 100)
        let id = wallet.id
        let dynamicID = Value.string(id.uuidString)
        for _ in 0..<commands {
            if api == "typed" {
                try await client.deposit(id: id, amount: 1)
            } else {
                try await orchestrator.dispatch("deposit", ["id": dynamicID, "amount": 1])
            }
        }
        if let store = store as? JSONLinesEventStore { await store.close() }
    }
}
