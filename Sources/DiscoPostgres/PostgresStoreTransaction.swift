import Disco
import Logging
import PostgresNIO

/// A transaction on the store's database, for a consumer that writes a read model and its
/// checkpoint together: both commit, or neither, so each event takes effect exactly once.
///
/// ```swift
/// try await store.withTransaction { transaction in
///     let after = try await transaction.lockCheckpoint(of: "balances")
///     let events = try await store.readAll(after: after, limit: 500)
///     for event in events {
///         try await transaction.connection.query("UPDATE balances SET ...", logger: transaction.logger)
///     }
///     if let last = events.last {
///         try await transaction.saveCheckpoint(last.position, for: "balances")
///     }
/// }
/// ```
///
/// The value and its connection are only valid inside the closure given to
/// ``PostgresEventStore/withTransaction(_:)``; do not keep them.
public struct PostgresStoreTransaction: Sendable {
    /// The connection, inside an open transaction: run the read model's statements on it.
    public let connection: PostgresConnection
    /// The logger to pass to the connection's queries.
    public let logger: Logger
    let schema: PostgresSchema

    /// The consumer's checkpoint (0 when it has none), locked until the transaction ends, so
    /// that two processes running the same consumer take turns instead of both applying
    /// the same events.
    public func lockCheckpoint(of consumer: String) async throws -> Int64 {
        do {
            try await connection.query(
                """
                INSERT INTO \(unescaped: schema.checkpoints) (consumer, position) VALUES (\(consumer), 0)
                ON CONFLICT (consumer) DO NOTHING
                """,
                logger: logger
            )
            let rows = try await connection.query(
                "SELECT position FROM \(unescaped: schema.checkpoints) WHERE consumer = \(consumer) FOR UPDATE",
                logger: logger
            )
            var position: Int64 = 0
            for try await (value,) in rows.decode((Int64.self)) {
                position = value
            }
            return position
        } catch {
            throw PostgresErrors.storeError(error, doing: "lock the checkpoint of \(consumer)")
        }
    }

    /// Sets the consumer's checkpoint, as part of the transaction.
    public func saveCheckpoint(_ position: Int64, for consumer: String) async throws {
        do {
            try await PostgresEventStore.saveCheckpoint(
                position, for: consumer, schema: schema, logger: logger
            ) { query in _ = try await connection.query(query, logger: logger) }
        } catch {
            throw PostgresErrors.storeError(error, doing: "save the checkpoint of \(consumer)")
        }
    }
}
