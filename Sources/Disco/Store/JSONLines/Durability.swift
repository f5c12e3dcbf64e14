extension JSONLinesEventStore {
    /// When an append is acknowledged relative to the disk.
    ///
    /// Whatever the policy, appends that arrive while the writer is busy are written together
    /// with one `write` (and one sync, when the policy syncs): group commit.
    public enum Durability: Sendable, Hashable, CustomStringConvertible {
        /// Acknowledge once the events are written and synced to the disk (`fdatasync`): an
        /// acknowledged command survives a crash of the process or the machine. The default.
        case fsync
        /// Acknowledge once the events are written to the operating system; sync at most
        /// `interval` later. A crash of the process loses nothing acknowledged; a crash of the
        /// machine may lose the last `interval`.
        case batched(interval: Duration)
        /// Acknowledge once written to the operating system and sync only when the store
        /// closes: for tests and throwaway data.
        case none

        public var description: String {
            switch self {
            case .fsync: "fsync before acknowledging"
            case .batched(let interval): "sync at most every \(interval)"
            case .none: "no sync"
            }
        }
    }
}

extension JSONLinesEventStore.Durability {
    /// Whether an append that finds nobody writing writes (and syncs) itself; with
    /// `.batched` the writer thread writes everything, as it keeps the sync timer.
    var appendsLead: Bool {
        switch self {
        case .fsync, .none: true
        case .batched: false
        }
    }
}
