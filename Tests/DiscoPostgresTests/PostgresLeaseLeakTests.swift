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
