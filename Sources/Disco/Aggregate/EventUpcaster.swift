/// Carries recorded events of a set of aggregate types forward to the shape their current
/// code records: renamed types get their new name, older schema versions run through the
/// spec's upcast steps. Events of other aggregate types pass through unchanged.
///
/// Consumers started by an ``Orchestrator`` receive their events through the orchestrator's
/// upcaster, and ``EventStoreCopier/copy(from:to:upcasting:progress:)`` uses one to write a
/// store whose events are all at their current version.
///
/// ```swift
/// let upcaster = EventUpcaster([Wallet.self, BankAccount.self])
/// let current = try upcaster.upcast(recorded)
/// ```
public struct EventUpcaster: Sendable {
    private let byAggregate: [String: @Sendable (RecordedEvent) throws(EventDecodingError) -> RecordedEvent]

    /// An upcaster for the events of these aggregate types.
    public init(_ aggregates: [any Aggregate.Type]) {
        var byAggregate: [String: @Sendable (RecordedEvent) throws(EventDecodingError) -> RecordedEvent] = [:]
        for aggregate in aggregates {
            byAggregate[aggregate.aggregateName] = Self.upcaster(for: aggregate)
        }
        self.byAggregate = byAggregate
    }

    private static func upcaster<A: Aggregate>(
        for aggregate: A.Type
    ) -> @Sendable (RecordedEvent) throws(EventDecodingError) -> RecordedEvent {
        { (event: RecordedEvent) throws(EventDecodingError) -> RecordedEvent in try event.upcast(as: A.self) }
    }

    /// The names of the aggregate types whose events this upcaster carries forward.
    public var aggregateNames: [String] { byAggregate.keys.sorted() }

    /// The event in its current shape, or unchanged when its aggregate type is not one of this
    /// upcaster's.
    /// - Throws: ``EventDecodingError``: the payload does not fit, the type is unknown, or the
    ///   event was recorded at a newer version than this build knows.
    public func upcast(_ event: RecordedEvent) throws(EventDecodingError) -> RecordedEvent {
        guard let upcast = byAggregate[event.stream.aggregate] else { return event }
        return try upcast(event)
    }
}
