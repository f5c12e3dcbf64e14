import Foundation
import Testing

@testable import Disco

/// Idempotency as one type: recorded command ids, and one running dispatch per id.
@Suite struct CommandSingleFlightTests {
    typealias Flight = CommandSingleFlight<Int>

    @Test func theFirstDispatchLeadsAndARecordedIdIsAnswered() {
        var flights = Flight(limit: nil)
        let command = UUID()
        let aggregate = UUID()
        guard case .lead(let id) = flights.begin(command, aggregateID: aggregate, reserved: false) else {
            Issue.record("the first dispatch does not lead")
            return
        }
        #expect(id == aggregate)
        flights.record(command, aggregateID: aggregate, version: 3)
        flights.finish(command, with: .success(3))
        #expect(flights.inFlightCount == 0)
        guard case .recorded(let record) = flights.begin(command, aggregateID: nil, reserved: false) else {
            Issue.record("a recorded id is run again")
            return
        }
        #expect(record == CommandLedger.Record(aggregateID: aggregate, version: 3))
        #expect(flights.inFlightCount == 0)
    }

    @Test func aSecondDispatchOfARunningIdFollowsAndGetsTheOutcome() async {
        let box = FlightBox()
        let command = UUID()
        let started = await box.begin(command)
        #expect(started == "lead")
        let follower = Task { await box.follow(command) }
        while await box.waiting(command) == false { await Task.yield() }
        await box.finish(command, .success(7))
        #expect(await follower.value == .success(7))
        #expect(await box.inFlight == 0)
    }

    @Test func aFailedLeaderLetsTheNextDispatchLeadAgain() {
        var flights = Flight(limit: nil)
        let command = UUID()
        _ = flights.begin(command, aggregateID: nil, reserved: false)
        flights.finish(command, with: .failure(.conflict(StreamID(aggregate: "Wallet", id: UUID()))))
        guard case .lead = flights.begin(command, aggregateID: nil, reserved: false) else {
            Issue.record("after a failure the id is not run again")
            return
        }
    }

    @Test func aReservationKeepsTheAggregateIdForLaterDispatchesOfTheSameId() {
        var flights = Flight(limit: nil)
        let command = UUID()
        let first = flights.reserve(command, aggregateID: nil)
        let second = flights.reserve(command, aggregateID: nil)
        #expect(first.reserved && second.reserved)
        #expect(first.aggregateID == second.aggregateID)
        guard case .lead(let id) = flights.begin(command, aggregateID: nil, reserved: true) else {
            Issue.record("the reserved dispatch does not lead")
            return
        }
        #expect(id == first.aggregateID)
        flights.finish(command, with: .success(1))
        #expect(flights.inFlightCount == 1)
        flights.release(command)
        #expect(flights.inFlightCount == 0)
    }

    @Test func theLedgerForgetsTheOldestIdsBeyondItsLimit() {
        var flights = Flight(limit: 2)
        let ids = (0..<3).map { _ in UUID() }
        for id in ids { flights.record(id, aggregateID: UUID(), version: 1) }
        #expect(flights.recorded(ids[0]) == nil)
        #expect(flights.recorded(ids[1]) != nil && flights.recorded(ids[2]) != nil)
    }
}

/// A single flight on an actor, as a runtime holds it.
private actor FlightBox {
    var flights = CommandSingleFlight<Int>(limit: nil)
    private var followers = 0

    var inFlight: Int { flights.inFlightCount }

    func begin(_ command: UUID) -> String {
        switch flights.begin(command, aggregateID: nil, reserved: false) {
        case .lead: "lead"
        case .follow: "follow"
        case .recorded: "recorded"
        }
    }

    func follow(_ command: UUID) async -> Result<Int, DispatchError> {
        guard case .follow = flights.begin(command, aggregateID: nil, reserved: false) else {
            return .failure(.unknownCommand("not following"))
        }
        let outcome = await withCheckedContinuation { waiter in
            followers += 1
            if !flights.follow(command, waiter) { waiter.resume(returning: .failure(.unknownCommand("gone"))) }
        }
        flights.release(command)
        return outcome
    }

    func waiting(_ command: UUID) -> Bool { followers > 0 }

    func finish(_ command: UUID, _ outcome: Result<Int, DispatchError>) {
        flights.finish(command, with: outcome)
    }
}
