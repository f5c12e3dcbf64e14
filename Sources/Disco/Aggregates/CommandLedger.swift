import Foundation

/// The commands recorded most recently, by command id: what makes dispatching the same
/// command id twice record its events once.
///
/// Filled at start-up from the store's events (each carries its command's id) and by every
/// recorded command. With a limit, the oldest command ids are forgotten first (first in,
/// first out); without one it holds every command id of the store.
struct CommandLedger {
    /// Where a recorded command left its aggregate.
    struct Record: Sendable, Hashable {
        /// The aggregate the command was for.
        var aggregateID: UUID
        /// The aggregate's version after the command's last event.
        var version: Int
    }

    private let limit: Int?
    private var records: [UUID: Record] = [:]
    private var order: [UUID] = []
    private var oldest = 0

    /// An empty ledger keeping at most `limit` command ids; `nil` for all of them.
    init(limit: Int?) {
        self.limit = limit.map { Swift.max($0, 1) }
    }

    /// Where a command id's events went, `nil` when it is not known.
    subscript(commandID: UUID) -> Record? {
        records[commandID]
    }

    /// Notes that a command's events reached `version` of an aggregate.
    mutating func record(_ commandID: UUID, aggregateID: UUID, version: Int) {
        if records.updateValue(Record(aggregateID: aggregateID, version: version), forKey: commandID) != nil { return }
        guard let limit else { return }
        if order.count < limit {
            order.append(commandID)
            return
        }
        records[order[oldest]] = nil
        order[oldest] = commandID
        oldest = (oldest + 1) % limit
    }
}
