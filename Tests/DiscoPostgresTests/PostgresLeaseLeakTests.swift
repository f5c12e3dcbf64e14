import Disco
import DiscoPostgres
import Foundation
import Logging
import PostgresNIO
import Synchronization
import Testing

/// Issue 8: postgres-nio's `PostgresClient.query` loses the pool lease of a query that fails
/// after its row description, when the server's answer is read before the caller has attached
/// its continuation to the query's future (a busy machine delays the caller). The row stream
/// then starts in its failed state, and `PSQLRowStream.asyncSequence(onFinish:)` finishes the
/// sequence with the error but never calls `onFinish`, which is what releases the lease.
/// Every such query keeps a pool connection leased for ever (the server sees it idle); once
/// all are gone, every later query waits for ever.
///
/// This diagnostic drives postgres-nio directly, with a pool of one connection, failing
/// queries from several tasks and threads burning CPU, and reports after how many queries
/// the pool stopped answering. Opt-in (`DISCO_PG_LEAK_REPRO=1`), since the first case is
/// expected to lose its connection.
@Suite(
    "postgres-nio lease leak (diagnostic)",
    .enabled(
        if: PostgresTestEnvironment.isConfigured && PostgresTestEnvironment.environment["DISCO_PG_LEAK_REPRO"] == "1",
        "set DISCO_PG_LEAK_REPRO=1 and DISCO_POSTGRES_URL to run the postgres-nio lease-leak diagnostic"
    ),
    .serialized
)
struct PostgresLeaseLeakTests {
    enum Way: String, CaseIterable, Sendable {
        /// `PostgresClient.query` with a query that fails at execution: expected to leak.
        case clientQueryFailing
        /// `PostgresClient.query` with a query that succeeds: the control.
        case clientQuerySucceeding
        /// `PostgresClient.withConnection` + `PostgresConnection.query`, failing: the workaround.
        case withConnectionFailing
    }

    @Test("failing queries through the pool, under CPU load", arguments: Way.allCases)
    func stress(_ way: Way) async throws {
        let configuration = try PostgresTestEnvironment.configuration()
        var clientConfiguration = PostgresClient.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.username,
            password: configuration.password, database: configuration.database, tls: .disable)
        clientConfiguration.options.maximumConnections = 1
        let client = PostgresClient(configuration: clientConfiguration)
        let run = Task { await client.run() }
        let burners = CPUBurners(threads: 6)
        defer { burners.stop() }

        let sql: PostgresQuery =
            way == .clientQuerySucceeding
            ? "SELECT x FROM generate_series(1, 1) x"
            : "SELECT 1 / x FROM generate_series(0, 0) x"  // division by zero while executing
        let completed = Counter()
        let tasks = 8
        let perTask = 1_500
        let stuck: Bool = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<tasks {
                group.addTask {
                    for _ in 0..<perTask {
                        let answered = await Self.withinDeadline(.seconds(10)) {
                            do {
                                switch way {
                                case .clientQueryFailing, .clientQuerySucceeding:
                                    for try await _ in try await client.query(sql) {}
                                case .withConnectionFailing:
                                    try await client.withConnection { connection in
                                        for try await _ in try await connection.query(sql, logger: Self.logger) {}
                                    }
                                }
                            } catch {}
                        }
                        guard answered else { return true }
                        completed.increment()
                    }
                    return false
                }
            }
            let stuck = await group.contains(true)
            group.cancelAll()
            return stuck
        }
        burners.stop()
        let count = completed.value
        print(
            "lease-leak diagnostic \(way.rawValue): \(stuck ? "pool STOPPED answering" : "pool kept answering") after \(count) of \(tasks * perTask) queries"
        )
        run.cancel()
        await run.value
        if way != .clientQueryFailing {
            #expect(!stuck, "the pool stopped answering after \(count) queries")
        }
    }

    static let logger = Logger(label: "disco.postgres.leak-diagnostic")

    /// Runs `body`; false when it took longer than `limit` (it is then cancelled).
    static func withinDeadline(_ limit: Duration, _ body: @escaping @Sendable () async -> Void) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await body()
                return true
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}

/// A thread-safe count.
final class Counter: Sendable {
    private let count = Atomic<Int>(0)
    func increment() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}

/// Threads that spin until stopped, to make the machine as busy as a full parallel test run.
final class CPUBurners: Sendable {
    private let running = Atomic<Bool>(true)

    init(threads: Int) {
        for _ in 0..<threads {
            let thread = Thread { [self] in
                var x: UInt64 = 1
                while running.load(ordering: .relaxed) {
                    x = x &* 6_364_136_223_846_793_005 &+ 1
                }
                if x == 42 { print(x) }
            }
            thread.start()
        }
    }

    func stop() { running.store(false, ordering: .relaxed) }
}

/// The store's side of issue 8: its queries that fail after their row description (wrong
/// expected versions, refused imports) give their connection back to the pool, even on a busy
/// machine. With a pool of one connection, a single lost connection would stop the store.
@Suite(
    "PostgreSQL failed queries give their connection back",
    .enabled(if: PostgresTestEnvironment.shouldRun, PostgresTestEnvironment.skipReason),
    .timeLimit(.minutes(3))
)
struct PostgresFailedQueryTests {
    @Test("thousands of conflicting appends and refused imports on a pool of one connection, under CPU load")
    func failuresDoNotExhaustThePool() async throws {
        var configuration = try PostgresTestEnvironment.configuration().inSchema(PostgresTestEnvironment.freshSchema())
        configuration.maximumConnections = 1
        let store = try await PostgresEventStore.open(configuration)
        do {
            let stream = StreamID(aggregate: "Counter", id: UUID())
            let first = try await store.append([PostgresTestEnvironment.event()], to: stream, expectedVersion: .noStream)
            let burners = CPUBurners(threads: 3)
            defer { burners.stop() }
            let failures = Counter()
            let stuck: Bool = try await withThrowingTaskGroup(of: Bool.self) { group in
                for task in 0..<8 {
                    group.addTask {
                        for attempt in 0..<250 {
                            let answered = await PostgresLeaseLeakTests.withinDeadline(.seconds(20)) {
                                do {
                                    if (task + attempt).isMultiple(of: 10) {
                                        try await store.importEvents(first)
                                    } else {
                                        _ = try await store.append(
                                            [PostgresTestEnvironment.event()], to: stream, expectedVersion: .noStream)
                                    }
                                } catch let error as EventStoreError where error.kind == .wrongExpectedVersion {
                                    failures.increment()
                                } catch where Task.isCancelled {
                                    // Another task found the store stuck.
                                } catch {
                                    Issue.record("unexpected error: \(error)")
                                }
                            }
                            guard answered else { return true }
                        }
                        return false
                    }
                }
                let stuck = try await group.contains(true)
                group.cancelAll()
                return stuck
            }
            burners.stop()
            // A store that lost its connection cannot drop its schema or close: leave it.
            try #require(!stuck, "the store stopped answering after \(failures.value) failed queries: a connection leaked")
            #expect(failures.value == 2_000)
            #expect(try await store.read(stream: stream) == first)
            #expect(try await store.headPosition() == 1)
        }
        try await PostgresTestEnvironment.drop(configuration.schema, using: store)
        await store.close()
    }
}
