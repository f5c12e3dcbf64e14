import Disco
import DiscoExamples
import Foundation
import Testing

/// The generated `Event.init(eventType:schemaVersion:payload:)` carries recorded payloads of
/// older versions and former type names forward through the spec's upcast steps.
@Suite struct EventUpcastingTests {
    @Test func aVersionOnePayloadGetsTheDefaultCurrencyAndTheRenamedHolder() throws {
        let event = try BankAccount.Event(
            eventType: "account_opened",
            schemaVersion: 1,
            payload: ["owner": "Ada", "overdraft_limit": .decimal(100)]
        )
        #expect(event == .accountOpened(.init(holder: "Ada", overdraftLimit: 100, currency: "EUR")))
        #expect(event.schemaVersion == 3)
        #expect(event.payload == ["holder": "Ada", "overdraft_limit": .decimal(100), "currency": "EUR"])
    }

    @Test func aVersionTwoPayloadKeepsItsCurrency() throws {
        let event = try BankAccount.Event(
            eventType: "account_opened",
            schemaVersion: 2,
            payload: ["owner": "Grace", "overdraft_limit": .decimal(0), "currency": "GBP"]
        )
        #expect(event == .accountOpened(.init(holder: "Grace", overdraftLimit: 0, currency: "GBP")))
    }

    @Test func theCurrentVersionDecodesAsItIs() throws {
        let payload: Params = ["holder": "Alan", "overdraft_limit": .decimal(5), "currency": "USD"]
        let event = try BankAccount.Event(eventType: "account_opened", schemaVersion: 3, payload: payload)
        #expect(event.payload == payload)
    }

    @Test func aFormerTypeNameDecodesAsTheRenamedEvent() throws {
        let event = try BankAccount.Event(
            eventType: "money_deposited",
            schemaVersion: 1,
            payload: ["amount": .decimal(5)]
        )
        #expect(event == .fundsDeposited(.init(amount: 5)))
        #expect(event.eventType == "funds_deposited")
    }

    @Test func aNewerVersionThanTheCodeKnowsIsItsOwnError() {
        let error = #expect(throws: EventDecodingError.self) {
            try BankAccount.Event(eventType: "account_opened", schemaVersion: 4, payload: [:])
        }
        #expect(error?.recordedVersion == 4)
        #expect(error?.knownVersion == 3)
        #expect(error?.eventType == "account_opened")
        let unchanged = #expect(throws: EventDecodingError.self) {
            try Wallet.Event(eventType: "money_deposited", schemaVersion: 2, payload: ["amount": 1])
        }
        #expect(unchanged?.knownVersion == 1)
    }

    @Test func anUnknownTypeNamesTheAggregate() {
        let error = #expect(throws: EventDecodingError.self) {
            try BankAccount.Event(eventType: "money_lent", schemaVersion: 1, payload: [:])
        }
        #expect(error?.description == "cannot decode event 'money_lent': BankAccount records no such event")
        #expect(error?.isNewerVersion == false)
    }

    @Test func aStepWrittenInSwiftRuns() throws {
        let event = try TaskItem.Event(
            eventType: "status_changed",
            schemaVersion: 1,
            payload: ["status": "In progress"]
        )
        #expect(event == .statusChanged(.init(status: "in_progress")))
        let broken = #expect(throws: EventDecodingError.self) {
            try TaskItem.Event(eventType: "status_changed", schemaVersion: 1, payload: ["status": 3])
        }
        #expect(broken?.eventType == "status_changed")
    }

    @Test func aMissingFieldOfAnOldVersionIsStillAClearError() {
        let error = #expect(throws: EventDecodingError.self) {
            try BankAccount.Event(
                eventType: "account_opened",
                schemaVersion: 2,
                payload: ["overdraft_limit": .decimal(1)]
            )
        }
        #expect(error?.description == "cannot decode event 'account_opened': field 'owner' holds nothing, not a String")
    }
}
