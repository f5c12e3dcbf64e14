import Foundation

/// Commands on one aggregate take turns: first come, first served. Commands on different
/// aggregates do not wait for each other.
struct TurnQueue {
    private var waiting: [UUID: [CheckedContinuation<Void, Never>]] = [:]

    /// Takes the turn of an aggregate when nobody has it.
    /// - Returns: `false` when another command has the turn: wait with ``wait(_:_:)``.
    mutating func take(_ id: UUID) -> Bool {
        guard waiting[id] == nil else { return false }
        waiting[id] = []
        return true
    }

    /// Waits for the turn of an aggregate, after those already waiting.
    mutating func wait(_ id: UUID, _ waiter: CheckedContinuation<Void, Never>) {
        waiting[id, default: []].append(waiter)
    }

    /// Hands the turn of an aggregate to the next waiting command, or frees it.
    mutating func pass(_ id: UUID) {
        guard let index = waiting.index(forKey: id), !waiting.values[index].isEmpty else {
            waiting[id] = nil
            return
        }
        let next = waiting.values[index].removeFirst()
        next.resume()
    }
}
