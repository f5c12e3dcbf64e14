import Disco
import Foundation

/// The per-event part of a selection: types and time.
struct EventFilter {
    var types: Set<String>?
    var since: Date?

    func matches(_ event: RecordedEvent) -> Bool {
        if let types, !types.contains(event.eventType) { return false }
        if let since, event.recordedAt < since { return false }
        return true
    }
}
