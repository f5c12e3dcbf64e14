import Disco
import Foundation

/// The upcast step of `status_changed` that the spec leaves to Swift (`handler: swift`).
///
/// The generated code declares `TaskItemUpcasts`; without this extension the target does not
/// compile.
extension TaskItem {
    /// Version 1 recorded a status as shown on screen (`In progress`); version 2 records the
    /// name the commands take (`in_progress`).
    public static func upcastStatusChanged(fromVersion1 payload: Params) throws(EventDecodingError) -> Params {
        guard case .string(let shown)? = payload["status"] else {
            throw EventDecodingError(eventType: StatusChanged.eventType, reason: "field 'status' is not a string")
        }
        var upcast = payload
        upcast["status"] = .string(shown.lowercased().replacingOccurrences(of: " ", with: "_"))
        return upcast
    }
}
