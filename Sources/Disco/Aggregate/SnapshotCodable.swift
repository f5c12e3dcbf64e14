/// An aggregate whose state can be saved in a snapshot and read back, so that loading it
/// replays only the events after its latest snapshot.
///
/// `disco-gen` makes every generated aggregate conform. A snapshot holds the state's
/// ``Aggregate/fields``; ``init(snapshot:)`` reads them back.
///
/// ```swift
/// let restored = try Wallet(snapshot: wallet.fields)
/// assert(restored == wallet)
/// ```
public protocol SnapshotCodable: Aggregate {
    /// Identifies the state's fields and how events fold into them. A snapshot saved under
    /// another schema is ignored, and the state is rebuilt from the events instead, so that
    /// changing the spec never loads a state the new code would not have computed.
    static var snapshotSchema: String { get }

    /// The state a snapshot's fields hold.
    /// - Throws: ``EventDecodingError`` naming the field that is missing or of another type.
    init(snapshot fields: Params) throws(EventDecodingError)
}
