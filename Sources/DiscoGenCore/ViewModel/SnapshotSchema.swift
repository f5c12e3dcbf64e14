/// The fingerprint generated aggregates give as their `snapshotSchema`.
///
/// It covers everything that decides what a state holds after a series of events: the state
/// fields (names, Swift types, initial values) and each event's type, fields and `apply`
/// assignments as Swift text. Changing any of them in the spec changes the fingerprint, so
/// snapshots saved by the old code are ignored and states are rebuilt from the events.
/// Reordering fields or events changes it too, which only costs a replay. Moving lines (blank
/// lines, comments), or changing commands, rules and queries, does not. Templates given with
/// `--templates` are not part of it: a custom template that changes how events fold must
/// come with a change to the spec, or the old snapshots deleted.
public enum SnapshotSchema {
    /// `v1-` and 16 hexadecimal digits of a 64-bit FNV-1a hash of the canonical text.
    public static func fingerprint(stateFields: [FieldViewModel], events: [EventViewModel]) -> String {
        var text = ""
        for field in stateFields {
            text += "state \(field.keyLiteral) \(field.swiftType) = \(field.initialValue ?? "")\n"
        }
        for event in events {
            text += "event \(event.name) v\(event.schemaVersion)\n"
            for field in event.fields {
                text += "  field \(field.keyLiteral) \(field.swiftType)\n"
            }
            for line in event.applies {
                text += "  apply \(line.swift)\n"
            }
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "v1-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
