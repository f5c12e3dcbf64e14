/// A snapshot store in memory: for tests.
public actor InMemorySnapshotStore: SnapshotStore {
    private var snapshots: [StreamID: Snapshot] = [:]
    /// How many snapshots were saved, for tests.
    public private(set) var saveCount = 0

    /// An empty store.
    public init() {}

    public func snapshot(of stream: StreamID) -> Snapshot? {
        snapshots[stream]
    }

    public func save(_ snapshot: Snapshot) {
        saveCount += 1
        if let kept = snapshots[snapshot.stream], kept.version > snapshot.version { return }
        snapshots[snapshot.stream] = snapshot
    }
}
