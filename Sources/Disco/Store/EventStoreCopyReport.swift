/// What ``EventStoreCopier`` did.
public struct EventStoreCopyReport: Sendable, Hashable {
    /// Events the destination already held, checked to be the source's, and not copied again.
    public var alreadyPresent: Int64
    /// Events copied.
    public var copied: Int64
    /// Events of the copied ones that were written under a newer type name or schema version
    /// than they were recorded with (always 0 without an ``EventUpcaster``).
    public var upcast: Int64
    /// Whether every envelope field was kept. `false` when the destination is not an
    /// ``ImportableEventStore``: then ids, streams, versions and positions are kept (the
    /// copier checks positions) but the destination records its own times.
    public var preservedEnvelopes: Bool

    /// A report.
    public init(alreadyPresent: Int64, copied: Int64, upcast: Int64 = 0, preservedEnvelopes: Bool) {
        self.alreadyPresent = alreadyPresent
        self.copied = copied
        self.upcast = upcast
        self.preservedEnvelopes = preservedEnvelopes
    }
}
