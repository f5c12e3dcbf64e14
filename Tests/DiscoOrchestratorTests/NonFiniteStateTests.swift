import Disco
import DiscoExamples
import Foundation
import Testing

/// A command whose events would leave a number field infinite is refused before anything is
/// recorded: such a state could be neither shown as JSON nor snapshotted.
@Suite struct NonFiniteStateTests {
    let user = Value.string("0b7c5a52-3f4e-4d0a-9b8e-2f1d6c9e8a41")

    @Test func aDepositPastTheLargestNumberIsRefusedAndTheWalletStaysUsable() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let wallet = try await orchestrator.dispatch("create_wallet", ["user_id": user, "balance": 1.5e308])
        let id = Value.string(wallet.id.uuidString)

        let refused = await #expect(throws: DispatchError.self) {
            try await orchestrator.dispatch("deposit", ["id": id, "amount": 1.5e308])
        }
        #expect(refused == .rejected(["balance": ["must stay a finite number"]]))
        #expect(try await store.read(stream: StreamID(aggregate: "Wallet", id: wallet.id)).count == 1)

        let withdrawn = try await orchestrator.dispatch("withdraw", ["id": id, "amount": 0.5e308])
        #expect(withdrawn.version == 2)
        #expect(withdrawn.fields["balance"] == .double(1e308))
    }

    @Test func theTypedClientIsRefusedTheSame() async throws {
        let orchestrator = try await Orchestrator.start([Wallet.self], store: InMemoryEventStore())
        let wallets = Wallet.Client(orchestrator)
        let wallet = try await wallets.createWallet(userId: UUID(), balance: .greatestFiniteMagnitude)
        let refused = await #expect(throws: DispatchError.self) {
            try await wallets.deposit(id: wallet.id, amount: .greatestFiniteMagnitude)
        }
        #expect(refused == .rejected(["balance": ["must stay a finite number"]]))
    }
}
