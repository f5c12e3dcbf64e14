/// Checkpoints kept in memory: for tests, and consumers that may start from the beginning
/// on every run.
public actor InMemoryCheckpointStore: CheckpointStore {
    private var positions: [String: Int64] = [:]

    /// An empty store.
    public init() {}

    public func checkpoint(of consumer: String) -> Int64 {
        positions[consumer] ?? 0
    }

    public func saveCheckpoint(_ position: Int64, for consumer: String) {
        positions[consumer] = position
    }
}
