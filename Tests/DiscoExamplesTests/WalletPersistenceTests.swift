import Disco
import DiscoExamples
import Foundation
import Testing

/// The wallet on the JSON-lines store: what was dispatched is there after reopening.
@Suite struct WalletPersistenceTests {
    @Test func stateIsIdenticalAfterReopeningTheStore() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wallet-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let userID = Value.string(UUID().uuidString)
        var before: [AggregateState] = []
        do {
            let store = try await JSONLinesEventStore.open(directory: directory)
            let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
            for balance in [10.0, 20.0, 30.0] {
                let wallet = try await orchestrator.dispatch("create_wallet", ["user_id": userID, "balance": .double(balance)])
                try await orchestrator.dispatch("deposit", ["id": .string(wallet.id.uuidString), "amount": 1.25])
            }
            before = try await orchestrator.query("list_wallets", ["user_id": userID]).states
            await store.close()
        }
        let reopened = try await JSONLinesEventStore.open(directory: directory)
        let orchestrator = try await Orchestrator.start([Wallet.self], store: reopened)
        let after = try await orchestrator.query("list_wallets", ["user_id": userID]).states
        #expect(before.count == 3)
        #expect(after == before)
        await reopened.close()
    }
}
