import Disco
import DiscoExamples
import Foundation
import Testing

/// The typed API checks a command's rules as the dynamic API checks params: a command built
/// by hand with values its rules refuse is not recorded.
@Suite struct TypedValidationTests {
    @Test func aTypedCommandThatBreaksItsRulesIsRefusedAndNothingIsRecorded() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let wallet = try await Wallet.Client(orchestrator).createWallet(userId: UUID(), balance: 10)
        let deposit = Wallet.Deposit(id: wallet.id, amount: -5)
        let refused = await #expect(throws: DispatchError.self) {
            try await orchestrator.dispatch(Wallet.self, .deposit(deposit), params: deposit.params)
        }
        #expect(refused == .invalidParams(["amount": ["must be a number greater than 0"]]))
        #expect(await store.headPosition() == 1)

        let client = await #expect(throws: DispatchError.self) {
            try await Wallet.Client(orchestrator).deposit(id: wallet.id, amount: 0)
        }
        #expect(client == .invalidParams(["amount": ["must be a number greater than 0"]]))
        #expect(await store.headPosition() == 1)
    }
}
