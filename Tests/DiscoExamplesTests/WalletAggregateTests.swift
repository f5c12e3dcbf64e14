import Disco
import DiscoExamples
import Foundation
import Testing

/// The generated Wallet as a plain value: deciding and applying, with no store.
@Suite struct WalletAggregateTests {
    let id = UUID()
    let userID = UUID()

    @Test func createThenDepositFoldsIntoTheState() throws {
        var wallet = Wallet(id: id)
        #expect(wallet.balance == 0)
        let created = try wallet.execute(.createWallet(.init(userId: userID, balance: 10)), context: CommandContext())
        #expect(created == [.walletCreated(.init(userId: userID, balance: 10))])
        wallet = wallet.applying(created)
        let deposited = try wallet.execute(.deposit(.init(id: id, amount: 5)), context: CommandContext())
        wallet = wallet.applying(deposited)
        #expect(wallet.userId == userID)
        #expect(wallet.balance == 15)
    }

    @Test func withdrawBeyondTheBalanceIsRejectedWithTheSpecsMessage() {
        let wallet = Wallet(id: id).applying([.walletCreated(.init(userId: userID, balance: 10))])
        #expect(throws: ValidationErrors(["amount": ["exceeds the balance"]])) {
            try wallet.execute(.withdraw(.init(id: id, amount: 11)), context: CommandContext())
        }
    }

    @Test func eventsRoundTripThroughTheirPayload() throws {
        let events: [Wallet.Event] = [
            .walletCreated(.init(userId: userID, balance: 1.5)),
            .moneyDeposited(.init(amount: 2)),
            .moneyWithdrawn(.init(amount: 0.5)),
        ]
        for event in events {
            let decoded = try Wallet.Event(eventType: event.eventType, schemaVersion: event.schemaVersion, payload: event.payload)
            #expect(decoded == event)
        }
    }

    @Test func aPayloadMissingAFieldIsAClearDecodingError() {
        let error = #expect(throws: EventDecodingError.self) {
            try Wallet.Event(eventType: "money_deposited", schemaVersion: 1, payload: ["amont": 1])
        }
        #expect(error?.description == "cannot decode event 'money_deposited': field 'amount' holds nothing, not a Double")
        #expect(throws: EventDecodingError.self) {
            try Wallet.Event(eventType: "wallet_closed", schemaVersion: 1, payload: [:])
        }
    }

    @Test func typedParamsValidateLikeTheDynamicAPI() {
        #expect(throws: ValidationErrors(["amount": ["must be a number greater than 0"]])) {
            try Wallet.Deposit(params: ["id": .string(UUID().uuidString), "amount": -1])
        }
    }
}
