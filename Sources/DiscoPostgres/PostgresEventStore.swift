import Disco
import Foundation
import Logging
import PostgresNIO

/// An event store in a PostgreSQL database, for applications that run several processes or
/// machines, or want their events in the database they already back up.
///
/// ```swift
/// let store = try await PostgresEventStore.open(url: "postgres://disco:secret@127.0.0.1:5432/app")
/// defer { Task { await store.close() } }
/// let orchestrator = Orchestrator(aggregates: [Wallet.self], store: store)
/// ```
///
/// Opening connects once (failing fast, with a ``PostgresStoreError`` that says whether the
/// server is down, the password wrong or the database missing), creates or upgrades the
/// store's tables (versioned, idempotent migrations; the SQL is in `Docs/PostgreSQL.md`), and
/// starts a pool of connections (postgres-nio's `PostgresClient`) and one connection that
/// listens for new events.
///
/// - Appends are one call of the SQL function `disco_append`, one transaction: all of a
///   command's events or none. The function checks the expected version, and the unique
///   constraint on (stream, version) backs it up, so two processes writing the same
///   aggregate never lose an update; a conflict throws `EventStoreError` of kind
///   `wrongExpectedVersion`, as in every store.
/// - Positions are assigned under a transaction-level advisory lock held until commit, so
///   readers see them gapless and in order, whatever the number of writers.
/// - Payloads and metadata are `json` columns, written and read with `Disco.JSON`.
/// - ``subscribe(after:)`` follows the store, woken by `LISTEN`/`NOTIFY` and polling every
///   ``PostgresStoreConfiguration/pollInterval`` as a fallback.
/// - Consumer checkpoints live in the same database (``checkpoint(of:)``,
///   ``withTransaction(_:)``), so a read model and its checkpoint can commit together.
public final class PostgresEventStore: EventStore {
    /// Where the store is and how it connects.
    public let configuration: PostgresStoreConfiguration
    /// The connection pool, for queries of the application's own tables (read models).
    /// Its connections must not be used to write the store's tables directly.
    ///
    /// For a statement that returns rows and can fail while it runs, prefer
    /// `client.withConnection { try await $0.query(query, logger: logger) ... }` to
    /// `client.query(_:)`: postgres-nio 1.33.2's `PostgresClient.query` can keep such a
    /// failed query's connection leased for ever on a busy machine (issue 8, described in
    /// `Docs/PostgreSQL.md`), which the store's own queries avoid this way.
    public let client: PostgresClient
    let schema: PostgresSchema
    let logger: Logger
    let wakeups = PostgresWakeups()
    private let runTask: Task<Void, Never>
    private let listenTask: Task<Void, Never>

    private init(configuration: PostgresStoreConfiguration, schema: PostgresSchema, logger: Logger) {
        self.configuration = configuration
        self.schema = schema
        self.logger = logger
        let client = PostgresClient(
            configuration: PostgresConnector.clientConfiguration(configuration),
            backgroundLogger: logger
        )
        self.client = client
        // `Task.immediate` enters `run()` before the first query leases a connection, so that
        // postgres-nio does not warn that the pool is not running yet.
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            self.runTask = Task.immediate { await client.run() }
        } else {
            self.runTask = Task { await client.run() }
        }
        self.listenTask = Task { [wakeups] in
            await Self.listen(configuration: configuration, schema: schema, wakeups: wakeups, logger: logger)
        }
    }

    deinit {
        listenTask.cancel()
        runTask.cancel()
    }

    /// Connects to the database, creates or upgrades the store's tables, and starts the pool.
    ///
    /// - Parameters:
    ///   - configuration: Where the store is.
    ///   - logger: Where postgres-nio's background messages go.
    /// - Throws: ``PostgresStoreError`` saying why the store cannot be opened; it never waits
    ///   longer than the configuration's connect timeout for an unresponsive server.
    public static func open(
        _ configuration: PostgresStoreConfiguration,
        logger: Logger = PostgresEventStore.defaultLogger
    ) async throws(PostgresStoreError) -> PostgresEventStore {
        let schema = PostgresSchema(name: configuration.schema)
        let connection = try await PostgresConnector.connect(configuration, logger: logger)
        do {
            try await PostgresMigrator.migrate(connection, schema: schema, logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
        return PostgresEventStore(configuration: configuration, schema: schema, logger: logger)
    }

    /// Opens the store a `postgres://user:password@host:port/database` URL names.
    public static func open(
        url: String,
        logger: Logger = PostgresEventStore.defaultLogger
    ) async throws(PostgresStoreError) -> PostgresEventStore {
        try await open(PostgresStoreConfiguration(url: url), logger: logger)
    }

    /// Opens the store the environment variable `DISCO_POSTGRES_URL` names.
    ///
    /// - Throws: ``PostgresStoreError`` of kind `notConfigured` when the variable is not set.
    public static func openFromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger = PostgresEventStore.defaultLogger
    ) async throws(PostgresStoreError) -> PostgresEventStore {
        guard let configuration = try PostgresStoreConfiguration.fromEnvironment(environment) else {
            throw PostgresStoreError(
                .notConfigured,
                "set \(PostgresStoreConfiguration.environmentVariable) to postgres://user:password@host:port/database"
            )
        }
        return try await open(configuration, logger: logger)
    }

    /// Closes the pool and the listening connection. Calls after this throw
    /// `EventStoreError` of kind `closed`; subscriptions end.
    public func close() async {
        listenTask.cancel()
        runTask.cancel()
        await wakeups.close()
        await listenTask.value
        await runTask.value
    }

    /// The logger stores use unless given one: label `disco.postgres`, warnings and errors only,
    /// since postgres-nio reports routine reconnections at `info`.
    public static var defaultLogger: Logger {
        var logger = Logger(label: "disco.postgres")
        logger.logLevel = .warning
        return logger
    }

    // MARK: EventStore

    public func append(
        _ events: [ProposedEvent],
        to stream: StreamID,
        expectedVersion: ExpectedVersion
    ) async throws -> [RecordedEvent] {
        guard !events.isEmpty else { return [] }
        let expected: Int
        switch expectedVersion {
        case .any: expected = -1
        case .noStream: expected = 0
        case .exactly(let version):
            guard version >= 0 else {
                throw EventStoreError.wrongExpectedVersion(
                    stream: stream, expected: expectedVersion, actual: try await self.version(of: stream))
            }
            expected = version
        }
        guard let expected32 = Int32(exactly: expected) else {
            throw EventStoreError.wrongExpectedVersion(
                stream: stream, expected: expectedVersion, actual: try await self.version(of: stream))
        }
        var eventTypes: [String] = []
        var schemaVersions: [Int32] = []
        var eventIDs: [UUID] = []
        var commandIDs: [UUID] = []
        var correlationIDs: [UUID] = []
        var causationIDs: [String] = []
        var payloads: [String] = []
        var metadata: [String] = []
        for event in events {
            eventTypes.append(event.eventType)
            schemaVersions.append(Int32(clamping: event.schemaVersion))
            eventIDs.append(event.eventID)
            commandIDs.append(event.commandID)
            correlationIDs.append(event.correlationID)
            causationIDs.append(event.causationID?.uuidString ?? "")
            payloads.append(try PostgresJSON.encode(event.payload, of: "the payload of \(event.eventType)"))
            metadata.append(try PostgresJSON.encode(event.metadata, of: "the metadata of \(event.eventType)"))
        }
        let query: PostgresQuery = """
            SELECT first_position, first_version, recorded_at FROM \(unescaped: schema.appendFunction)(\
            \(stream.aggregate), \(stream.id), \(expected32), \(eventTypes), \(schemaVersions), \(eventIDs), \
            \(commandIDs), \(correlationIDs), \(causationIDs), \(payloads), \(metadata))
            """
        let first: (position: Int64, version: Int, recordedAt: Date)
        do {
            let result = try await withRows(of: query) { rows in
                var result: (Int64, Int, Date)?
                for try await row in rows.decode((Int64, Int, Date).self) {
                    result = row
                }
                return result
            }
            guard let result else {
                throw EventStoreError(.io, "disco_append returned no row")
            }
            first = result
        } catch {
            if PostgresErrors.sqlState(error) == PostgresSchema.wrongExpectedVersionState {
                let actual = (error as? PSQLError)?.serverInfo?[.detail].flatMap { Int($0) } ?? -1
                throw EventStoreError.wrongExpectedVersion(stream: stream, expected: expectedVersion, actual: actual)
            }
            throw PostgresErrors.storeError(error, doing: "append to stream \(stream)")
        }
        await wakeups.publish(head: first.position + Int64(events.count - 1))
        return events.enumerated().map { offset, event in
            RecordedEvent(
                event,
                position: first.position + Int64(offset),
                stream: stream,
                version: first.version + offset,
                recordedAt: first.recordedAt
            )
        }
    }

    public func read(stream: StreamID, after version: Int) async throws -> [RecordedEvent] {
        try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema.events)
            WHERE stream_type = \(stream.aggregate) AND stream_id = \(stream.id) AND version > \(version)
            ORDER BY version
            """,
            doing: "read stream \(stream)"
        )
    }

    public func readAll(after position: Int64, limit: Int) async throws -> [RecordedEvent] {
        guard limit > 0 else { return [] }
        return try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema.events)
            WHERE position > \(position) ORDER BY position LIMIT \(limit)
            """,
            doing: "read events after position \(position)"
        )
    }

    public func headPosition() async throws -> Int64 {
        do {
            return try await withRows(
                of: "SELECT coalesce(max(position), 0)::bigint FROM \(unescaped: schema.events)"
            ) { rows in
                var head: Int64 = 0
                for try await (value,) in rows.decode((Int64.self)) {
                    head = value
                }
                return head
            }
        } catch {
            throw PostgresErrors.storeError(error, doing: "read the head position")
        }
    }

    /// The version of a stream's last event; 0 when the stream has none.
    public func version(of stream: StreamID) async throws -> Int {
        do {
            return try await withRows(
                of: """
                    SELECT coalesce(max(version), 0)::bigint FROM \(unescaped: schema.events)
                    WHERE stream_type = \(stream.aggregate) AND stream_id = \(stream.id)
                    """
            ) { rows in
                var version = 0
                for try await (value,) in rows.decode((Int.self)) {
                    version = value
                }
                return version
            }
        } catch {
            throw PostgresErrors.storeError(error, doing: "read the version of stream \(stream)")
        }
    }

    // MARK: Reading rows

    /// The columns of an event, in the order ``decode(_:doing:)`` reads them.
    static let columns = """
        position, stream_type, stream_id, version, event_type, schema_version, event_id, \
        command_id, correlation_id, causation_id, recorded_at, payload::text, metadata::text
        """

    /// Runs `query` on a connection of the pool, leased until `read` has read its rows.
    ///
    /// Every query of the store goes through here rather than `client.query` (issue 8):
    /// postgres-nio's `PostgresClient.query` (1.33.2) releases its lease only when the row
    /// sequence finishes, and never does for a statement that fails after its row
    /// description (`disco_append`'s wrong expected version, a refused import) when the
    /// server's answer is read before the caller has attached to the query's future, as
    /// happens on a busy machine: `PSQLRowStream.asyncSequence(onFinish:)` then finishes the
    /// sequence with the error without calling `onFinish`. Each such query leaked one
    /// connection, left idle on the server, until the pool had none and every query waited for
    /// ever. Leased by `withConnection`, the connection returns to the pool when `read`
    /// returns or throws, whatever the row stream does.
    func withRows<Result: Sendable>(
        of query: PostgresQuery,
        _ read: (PostgresRowSequence) async throws -> Result
    ) async throws -> Result {
        let logger = self.logger
        return try await client.withConnection { connection in
            try await read(connection.query(query, logger: logger))
        }
    }

    /// Runs a query selecting ``columns`` and reads its events.
    func fetch(_ query: PostgresQuery, doing operation: String) async throws -> [RecordedEvent] {
        do {
            return try await withRows(of: query) { rows in try await Self.decode(rows) }
        } catch {
            throw PostgresErrors.storeError(error, doing: operation)
        }
    }

    /// The events of rows selecting ``columns``.
    static func decode(_ rows: PostgresRowSequence) async throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        let typed = rows.decode(
            (Int64, String, UUID, Int, String, Int, UUID, UUID, UUID, UUID?, Date, String, String).self
        )
        for try await row in typed {
            let what = "event \(row.0)"
            events.append(
                RecordedEvent(
                    position: row.0,
                    stream: StreamID(aggregate: row.1, id: row.2),
                    version: row.3,
                    eventType: row.4,
                    schemaVersion: row.5,
                    eventID: row.6,
                    commandID: row.7,
                    correlationID: row.8,
                    causationID: row.9,
                    recordedAt: row.10,
                    payload: try PostgresJSON.decode(row.11, of: "the payload of \(what)"),
                    metadata: try PostgresJSON.decode(row.12, of: "the metadata of \(what)")
                )
            )
        }
        return events
    }

    // MARK: Listening

    /// Keeps one connection listening on the store's channel until cancelled, reconnecting
    /// after a failure; every notification, and every reconnection, wakes the subscriptions.
    private static func listen(
        configuration: PostgresStoreConfiguration,
        schema: PostgresSchema,
        wakeups: PostgresWakeups,
        logger: Logger
    ) async {
        var failures = 0
        while !Task.isCancelled {
            do {
                let connection = try await PostgresConnector.connect(configuration, logger: logger)
                do {
                    try await connection.listen(on: schema.channel) { notifications in
                        failures = 0
                        // Anything committed while no connection listened is read now.
                        await wakeups.wakeAll()
                        for try await notification in notifications {
                            if let head = Int64(notification.payload) {
                                await wakeups.publish(head: head)
                            } else {
                                await wakeups.wakeAll()
                            }
                        }
                    }
                } catch {
                    logger.debug("disco.postgres: listening stopped: \(PostgresErrors.summary(error))")
                }
                try? await connection.close()
            } catch {
                logger.debug("disco.postgres: cannot connect to listen: \(error)")
            }
            failures += 1
            // Back off up to 30 s; the subscriptions poll meanwhile.
            let delay = Duration.milliseconds(100 * (1 << min(failures, 8)))
            try? await Task.sleep(for: min(delay, .seconds(30)))
        }
    }
}
