import Disco
import Testing
import WalletApp

/// The generated Wallet, committed by generate-aggregates, behind an orchestrator on an in-memory store.
@Suite struct WalletAppTests {
    let userID = "0b7c5a52-3f4e-4d0a-9b8e-2f1d6c9e8a41"

    @Test func dispatchesCommandsByName() async throws {
        let orchestrator = try await WalletApp.start(store: InMemoryEventStore())
        #expect(await orchestrator.commands() == ["create_wallet", "deposit", "withdraw"])
        let wallet = try await orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 100.0])
        let after = try await orchestrator.dispatch("withdraw", ["id": .string(wallet.id.uuidString), "amount": 30.0])
        #expect(after["balance"] == .double(70))
        #expect(after.version == 2)
    }

    @Test func rejectsInvalidParamsWithTheSpecsMessages() async throws {
        let orchestrator = try await WalletApp.start(store: InMemoryEventStore())
        await #expect(throws: DispatchError.invalidParams(["user_id": ["must be a valid UUID string"]])) {
            try await orchestrator.dispatch("create_wallet", ["balance": 100.0])
        }
    }

    @Test func theGeneratedTypeIsPublic() {
        #expect(Wallet.aggregateName == "Wallet")
    }
}
