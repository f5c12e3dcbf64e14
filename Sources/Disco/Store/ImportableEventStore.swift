/// An event store that can take events recorded by another store with their envelopes
/// unchanged: positions, versions, ids and recording times. ``EventStoreCopier`` uses it to
/// move a store, for example from JSON lines into PostgreSQL and back.
public protocol ImportableEventStore: EventStore {
    /// Records events exactly as given, all or none.
    ///
    /// - Parameter events: Events in position order. Their positions must continue this
    ///   store's head without gaps, and each stream's versions must continue that stream.
    /// - Throws: ``EventStoreError`` when the events do not continue the store, or the store fails.
    func importEvents(_ events: [RecordedEvent]) async throws
}
