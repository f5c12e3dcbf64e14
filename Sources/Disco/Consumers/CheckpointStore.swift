/// Where consumers keep the position of the last event they handled, so that they resume
/// there after a stop or a crash.
///
/// ``InMemoryCheckpointStore`` is for tests, ``FileCheckpointStore`` keeps one small file
/// per consumer. The PostgreSQL store has methods of the same names.
public protocol CheckpointStore: Sendable {
    /// The position a consumer has handled events up to; 0 when it has no checkpoint.
    func checkpoint(of consumer: String) async throws -> Int64

    /// Saves a consumer's position.
    func saveCheckpoint(_ position: Int64, for consumer: String) async throws
}
