import Disco
import DiscoExamples
import Foundation
import Testing

/// The generated `Wallet.Client`: Swift methods over the same dispatch and validation as the
/// dynamic API.
@Suite struct WalletTypedAPITests {
    @Test func commandsAndQueriesAsSwiftMethods() async throws {
        let orchestrator = try await Orchestrator.start([Wallet.self], store: InMemoryEventStore())
        let wallets = Wallet.Client(orchestrator)
        let owner = UUID()
        let wallet = try await wallets.createWallet(userId: owner, balance: 10)
        #expect(wallet.userId == owner)
        let after = try await wallets.deposit(id: wallet.id, amount: 2.5)
        #expect(after.balance == 12.5)
        #expect(try await wallets.listWallets(userId: owner) == [after])
        #expect(try await wallets.getWallet(id: wallet.id) == after)
        #expect(try await wallets.getWallet(id: UUID()) == nil)
        let dynamic = try await orchestrator.query("get_wallet", ["id": Value(wallet.id)])
        #expect(dynamic.states.first?.fields == after.fields)
    }

    @Test func typedCallsAreValidatedLikeDynamicOnes() async throws {
        let wallets = Wallet.Client(try await Orchestrator.start([Wallet.self], store: InMemoryEventStore()))
        let wallet = try await wallets.createWallet(userId: UUID())
        await #expect(throws: DispatchError.invalidParams(["amount": ["must be a number greater than 0"]])) {
            try await wallets.deposit(id: wallet.id, amount: 0)
        }
        await #expect(throws: DispatchError.rejected(["amount": ["exceeds the balance"]])) {
            try await wallets.withdraw(id: wallet.id, amount: 1)
        }
        await #expect(throws: DispatchError.rejected(["id": ["not found"]])) {
            try await wallets.deposit(id: UUID(), amount: 1)
        }
    }

    @Test func theSameCommandIDIsRecordedOnce() async throws {
        let wallets = Wallet.Client(try await Orchestrator.start([Wallet.self], store: InMemoryEventStore()))
        let wallet = try await wallets.createWallet(userId: UUID())
        let metadata = CommandMetadata()
        let first = try await wallets.deposit(id: wallet.id, amount: 1, metadata: metadata)
        let again = try await wallets.deposit(id: wallet.id, amount: 1, metadata: metadata)
        #expect(first == again)
        #expect(again.balance == 1)
    }
}
