import Disco
import Logging
import PostgresNIO

extension PostgresEventStore {
    /// The position a consumer has processed events up to; 0 when it has no checkpoint.
    public func checkpoint(of consumer: String) async throws -> Int64 {
        do {
            return try await withRows(
                of: "SELECT position FROM \(unescaped: schema.checkpoints) WHERE consumer = \(consumer)"
            ) { rows in
                var position: Int64 = 0
                for try await (value,) in rows.decode((Int64.self)) {
                    position = value
                }
                return position
            }
        } catch {
            throw PostgresErrors.storeError(error, doing: "read the checkpoint of \(consumer)")
        }
    }

    /// Sets a consumer's checkpoint on its own, outside any transaction.
    public func saveCheckpoint(_ position: Int64, for consumer: String) async throws {
        do {
            try await Self.saveCheckpoint(position, for: consumer, schema: schema, logger: logger) { query in
                try await withRows(of: query) { rows in for try await _ in rows {} }
            }
        } catch {
            throw PostgresErrors.storeError(error, doing: "save the checkpoint of \(consumer)")
        }
    }

    /// Runs `body` in one transaction of the store's database: committed when it returns,
    /// rolled back when it throws. Use it to update a read model and its checkpoint together.
    ///
    /// - Throws: What `body` threw, or `EventStoreError` when the transaction could not
    ///   begin or commit.
    public func withTransaction<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresStoreTransaction) async throws -> sending Result
    ) async throws -> sending Result {
        let schema = self.schema
        let logger = self.logger
        do {
            return try await client.withTransaction(logger: logger, isolation: isolation) { connection in
                try await body(PostgresStoreTransaction(connection: connection, logger: logger, schema: schema))
            }
        } catch let error as PostgresTransactionError {
            if let closureError = error.closureError { throw closureError }
            let cause = error.beginError ?? error.commitError ?? error.rollbackError ?? error
            throw PostgresErrors.storeError(cause, doing: "run a transaction")
        } catch {
            throw PostgresErrors.storeError(error, doing: "run a transaction")
        }
    }

    static func saveCheckpoint(
        _ position: Int64,
        for consumer: String,
        schema: PostgresSchema,
        logger: Logger,
        run: (PostgresQuery) async throws -> Void
    ) async throws {
        guard position >= 0 else {
            throw EventStoreError(.io, "a checkpoint cannot be negative: \(position) for \(consumer)")
        }
        try await run(
            """
            INSERT INTO \(unescaped: schema.checkpoints) (consumer, position) VALUES (\(consumer), \(position))
            ON CONFLICT (consumer) DO UPDATE SET position = EXCLUDED.position, updated_at = clock_timestamp()
            """
        )
    }
}
