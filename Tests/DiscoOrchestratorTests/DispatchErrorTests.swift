import Disco
import DiscoExamples
import DiscoTesting
import Foundation
import Testing

/// Each kind of failure comes back as its own, documented `DispatchError` case.
@Suite struct DispatchErrorTests {
    @Test func unknownCommandBadParamFailingRuleAndStoreErrorAreDistinct() async throws {
        let store = FailingEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let wallet = try await orchestrator.createWallet(balance: 5)
        let id = Value.string(wallet.uuidString)

        let unknown = await #expect(throws: DispatchError.self) { try await orchestrator.dispatch("open_wallet", [:]) }
        let badParam = await #expect(throws: DispatchError.self) {
            try await orchestrator.dispatch("deposit", ["id": id, "amount": "ten"])
        }
        let rule = await #expect(throws: DispatchError.self) {
            try await orchestrator.dispatch("withdraw", ["id": id, "amount": 6])
        }
        await store.setFailing(true)
        let storeError = await #expect(throws: DispatchError.self) {
            try await orchestrator.dispatch("deposit", ["id": id, "amount": 1])
        }
        await store.setFailing(false)

        #expect(unknown == .unknownCommand("open_wallet"))
        #expect(badParam == .invalidParams(["amount": ["must be a number"]]))
        #expect(rule == .rejected(["amount": ["exceeds the balance"]]))
        #expect(storeError == .storeFailure(EventStoreError(.io, "the disk is full")))
        #expect(storeError?.description == "event store failure: the disk is full")
        let all = [unknown, badParam, rule, storeError].map { $0.map { DispatchOutcome(result: .failure($0), aggregateID: nil, duration: .zero).label } }
        #expect(all == ["unknown_command", "invalid_params", "rejected", "store_failure"])

        // Nothing half-done: the failed append left the state as it was, and it works again.
        #expect(try await orchestrator.balance(wallet) == 5)
        let after = try await orchestrator.deposit(wallet, 1)
        #expect(after.version == 2)
        #expect(after["balance"] == .double(6))
    }
}
