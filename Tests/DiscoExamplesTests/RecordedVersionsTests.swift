import Disco
import DiscoExamples
import Foundation
import Testing

/// Stores written by earlier builds open with today's code; an event from a newer build stops
/// start-up with an error that says what to deploy, and changes nothing.
@Suite struct RecordedVersionsTests {
    @Test("a wallet store recorded by an earlier build opens with the same states")
    func walletStoreOfAnEarlierBuild() async throws {
        let directory = try EvolutionFixture.walletV1.copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await JSONLinesEventStore.open(directory: directory)
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let wallets = try await orchestrator.query("list_wallets", ["user_id": "0b7c5a52-3f4e-4d0a-9b8e-2f1d6c9e8a41"])
        #expect(wallets.states.map { $0["balance"] } == [.double(85), .double(50)])
        #expect(wallets.states.map(\.version) == [3, 1])
        await store.close()
    }
}
