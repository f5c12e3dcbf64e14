import Foundation

/// What makes a command id record its events once: the ids already recorded (the
/// ``CommandLedger``) and the dispatches of an id that are prepared or running, so that a
/// second dispatch of a running id waits for the first one's outcome instead of deciding
/// again.
///
/// One value per aggregate type, used from its runtime's actor. A dispatch first
/// ``begin(_:aggregateID:reserved:)``s; when it leads it runs the command and calls
/// ``finish(_:with:)``, when it follows it waits with ``follow(_:_:)`` and then calls
/// ``release(_:)``. A background dispatch ``reserve(_:aggregateID:)``s when it is
/// prepared, so that every dispatch of its id meanwhile targets the same aggregate.
struct CommandSingleFlight<Outcome: Sendable> {
    /// How a dispatch of a command id goes on.
    enum Start {
        /// The id was recorded already: its events left the aggregate as the record says.
        case recorded(CommandLedger.Record)
        /// Another dispatch of the id is running: wait for its outcome.
        case follow
        /// This dispatch runs the command, for the aggregate with this id.
        case lead(UUID)
    }

    /// A waiting dispatch, resumed with the leader's outcome.
    typealias Waiter = CheckedContinuation<Result<Outcome, DispatchError>, Never>

    private var ledger: CommandLedger
    /// The ids prepared or running. Not generic, so that the path of a command nobody else
    /// dispatches does not look up generic metadata (the runtime using this type runs
    /// unspecialized for its aggregate type).
    private var flights: [UUID: CommandFlight] = [:]
    /// The dispatches waiting for a running id, only for ids that have any.
    private var waiters: [UUID: [Waiter]] = [:]

    /// No command recorded or in flight; the ledger keeps at most `limit` ids (`nil`: all).
    init(limit: Int?) {
        self.ledger = CommandLedger(limit: limit)
    }

    /// Where a recorded command id left its aggregate; `nil` when it is not known.
    func recorded(_ commandID: UUID) -> CommandLedger.Record? {
        ledger[commandID]
    }

    /// How many command ids are in flight: for tests.
    var inFlightCount: Int { flights.count }

    /// Notes that a command's events took an aggregate to `version`.
    mutating func record(_ commandID: UUID, aggregateID: UUID, version: Int) {
        ledger.record(commandID, aggregateID: aggregateID, version: version)
    }

    /// Reserves a command id for a dispatch that runs later, and returns its aggregate's id:
    /// the command's own, the one recorded or reserved for the id, or a new one.
    /// - Returns: The aggregate id, and whether a reservation was taken (not when the id was
    ///   recorded already), which ``begin(_:aggregateID:reserved:)`` is told.
    mutating func reserve(_ commandID: UUID, aggregateID: UUID?) -> (aggregateID: UUID, reserved: Bool) {
        if let record = ledger[commandID] { return (aggregateID ?? record.aggregateID, false) }
        if let index = flights.index(forKey: commandID) {
            flights.values[index].reservations += 1
            return (aggregateID ?? flights.values[index].aggregateID, true)
        }
        let id = aggregateID ?? UUID()
        flights[commandID] = CommandFlight(aggregateID: id, reservations: 1, running: false)
        return (id, true)
    }

    /// Starts a dispatch of a command id. Unless the id was recorded, the dispatch holds a
    /// reservation afterwards, which ``finish(_:with:)`` or ``release(_:)`` gives back.
    /// - Parameters:
    ///   - aggregateID: The command's aggregate, if it names one.
    ///   - reserved: Whether the dispatch reserved the id already.
    mutating func begin(_ commandID: UUID, aggregateID: UUID?, reserved: Bool) -> Start {
        if let record = ledger[commandID] {
            if reserved { release(commandID) }
            return .recorded(record)
        }
        guard let index = flights.index(forKey: commandID) else {
            let id = aggregateID ?? UUID()
            flights[commandID] = CommandFlight(aggregateID: id, reservations: 1, running: true)
            return .lead(id)
        }
        if !reserved { flights.values[index].reservations += 1 }
        if flights.values[index].running { return .follow }
        flights.values[index].running = true
        return .lead(aggregateID ?? flights.values[index].aggregateID)
    }

    /// Waits for the running dispatch of a command id.
    /// - Returns: `false` when none runs, and the waiter was not kept.
    mutating func follow(_ commandID: UUID, _ waiter: Waiter) -> Bool {
        guard let index = flights.index(forKey: commandID), flights.values[index].running else { return false }
        flights.values[index].hasWaiters = true
        waiters[commandID, default: []].append(waiter)
        return true
    }

    /// Ends the leading dispatch of a command id: its followers get its outcome, and its
    /// reservation is given back.
    mutating func finish(_ commandID: UUID, with outcome: Result<Outcome, DispatchError>) {
        guard let index = flights.index(forKey: commandID) else { return }
        let hasWaiters = flights.values[index].hasWaiters
        flights.values[index].hasWaiters = false
        flights.values[index].running = false
        release(commandID)
        guard hasWaiters, let waiting = waiters.removeValue(forKey: commandID) else { return }
        for waiter in waiting { waiter.resume(returning: outcome) }
    }

    /// Gives back a reservation of a command id; the last one ends its flight.
    mutating func release(_ commandID: UUID) {
        guard let index = flights.index(forKey: commandID) else { return }
        if flights.values[index].reservations <= 1 {
            flights.remove(at: index)
        } else {
            flights.values[index].reservations -= 1
        }
    }
}

/// One command id prepared or running: the aggregate it targets, how many dispatches hold
/// it, whether one of them runs it, and whether any waits for that one's outcome.
private struct CommandFlight {
    var aggregateID: UUID
    var reservations: Int
    var running: Bool
    var hasWaiters = false
}
