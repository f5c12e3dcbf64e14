import Disco
import DiscoExamples
import Foundation

/// Shorthands for dispatching to the generated `Wallet` in these tests.
extension Orchestrator {
    /// Creates a wallet and returns its id.
    func createWallet(user: UUID = UUID(), balance: Double = 0, metadata: CommandMetadata = CommandMetadata()) async throws -> UUID {
        try await dispatch(
            "create_wallet",
            ["user_id": .string(user.uuidString), "balance": .double(balance)],
            metadata: metadata
        ).id
    }

    /// Deposits into a wallet and returns its new state.
    @discardableResult
    func deposit(_ id: UUID, _ amount: Double, metadata: CommandMetadata = CommandMetadata()) async throws -> AggregateState {
        try await dispatch("deposit", ["id": .string(id.uuidString), "amount": .double(amount)], metadata: metadata)
    }

    /// The balance the read model shows for a wallet.
    func balance(_ id: UUID) async throws -> Double? {
        try await query("get_wallet", ["id": .string(id.uuidString)]).states.first?["balance"]?.doubleValue
    }
}
