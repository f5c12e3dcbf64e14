import Disco

extension PostgresEventStore {
    /// Follows the store: the events after `position`, then each new one as it commits, in
    /// any process.
    ///
    /// An idle subscription is woken by PostgreSQL's `LISTEN`/`NOTIFY` (`disco_append` notifies
    /// the channel `disco_events_<schema>` with the new head position when its transaction
    /// commits), and reads again every ``PostgresStoreConfiguration/pollInterval`` whatever
    /// happens, so a lost listening connection or a missed notification only delays it.
    /// It throws `EventStoreError` of kind `closed` once the store is closed.
    public func subscribe(after position: Int64) -> EventSubscription {
        let wakeups = self.wakeups
        let pollInterval = configuration.pollInterval
        return EventSubscription(store: self, after: position) { after in
            try await wakeups.wait(after: after, timeout: pollInterval)
        }
    }
}
