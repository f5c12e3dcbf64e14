import Disco
import DiscoPostgres
import Foundation
import PostgresNIO
import Testing

@Suite(
    "PostgreSQL event store",
    .enabled(if: PostgresTestEnvironment.shouldRun, PostgresTestEnvironment.skipReason),
    .timeLimit(.minutes(3))
)
struct PostgresEventStoreTests {
    @Test("appended events read back with every envelope field, per stream and in global order")
    func roundTrip() async throws {
        try await PostgresTestEnvironment.withStore { store, _ in
            let stream = StreamID(aggregate: "Wallet", id: UUID())
            let proposed = [PostgresTestEnvironment.event("a", 1), PostgresTestEnvironment.event("b", 2)]
            let recorded = try await store.append(proposed, to: stream, expectedVersion: .noStream)
            #expect(recorded.map(\.position) == [1, 2])
            #expect(recorded.map(\.version) == [1, 2])
            #expect(try await store.read(stream: stream) == recorded)
            #expect(try await store.readAll(after: 0, limit: 10) == recorded)
            #expect(try await store.read(stream: stream, after: 1) == [recorded[1]])
            #expect(try await store.headPosition() == 2)
            #expect(try await store.version(of: stream) == 2)
            #expect(recorded[0].payload.keys == ["zeta", "alpha", "amount", "nested"])
        }
    }

    @Test("the expected version is enforced by the database")
    func expectedVersion() async throws {
        try await PostgresTestEnvironment.withStore { store, _ in
            let stream = StreamID(aggregate: "Wallet", id: UUID())
            _ = try await store.append([PostgresTestEnvironment.event()], to: stream, expectedVersion: .noStream)
            for expected: ExpectedVersion in [.noStream, .exactly(0), .exactly(2), .exactly(-1)] {
                await #expect {
                    _ = try await store.append([PostgresTestEnvironment.event()], to: stream, expectedVersion: expected)
                } throws: { error in
                    (error as? EventStoreError)?.kind == .wrongExpectedVersion
                }
            }
            let conflict = await #expect(throws: EventStoreError.self) {
                _ = try await store.append([PostgresTestEnvironment.event()], to: stream, expectedVersion: .exactly(5))
            }
            #expect(conflict?.message == "stream \(stream) is at version 1, expected version 5")
            _ = try await store.append([PostgresTestEnvironment.event()], to: stream, expectedVersion: .exactly(1))
            _ = try await store.append([PostgresTestEnvironment.event()], to: stream, expectedVersion: .any)
            #expect(try await store.read(stream: stream).map(\.version) == [1, 2, 3])
            #expect(try await store.headPosition() == 3)
        }
    }

    @Test("a duplicate event id fails the whole command, and nothing of it is recorded")
    func atomicity() async throws {
        try await PostgresTestEnvironment.withStore { store, _ in
            let stream = StreamID(aggregate: "Wallet", id: UUID())
            let first = PostgresTestEnvironment.event()
            _ = try await store.append([first], to: stream, expectedVersion: .noStream)
            await #expect(throws: EventStoreError.self) {
                _ = try await store.append(
                    [PostgresTestEnvironment.event(), first], to: stream, expectedVersion: .exactly(1))
            }
            #expect(try await store.headPosition() == 1)
            #expect(try await store.read(stream: stream).count == 1)
        }
    }

    @Test("opening twice is idempotent: migrations run once, the data stays")
    func reopen() async throws {
        try await PostgresTestEnvironment.withStore { store, configuration in
            let stream = StreamID(aggregate: "Wallet", id: UUID())
            _ = try await store.append([PostgresTestEnvironment.event()], to: stream, expectedVersion: .noStream)
            async let a = PostgresEventStore.open(configuration)
            async let b = PostgresEventStore.open(configuration)
            let (first, second) = try await (a, b)
            #expect(try await first.read(stream: stream).count == 1)
            #expect(try await second.headPosition() == 1)
            let rows = try await store.client.query(
                "SELECT count(*)::bigint FROM \(unescaped: configuration.schema).disco_schema_migrations")
            var count: Int64 = 0
            for try await (value,) in rows.decode((Int64.self)) { count = value }
            #expect(count == 2)
            await first.close()
            await second.close()
        }
    }

    @Test("a wrong password is reported as such")
    func wrongPassword() async throws {
        var configuration = try PostgresTestEnvironment.configuration()
        configuration.password = "certainly-not-the-password"
        let attempt = configuration
        await #expect {
            _ = try await PostgresEventStore.open(attempt)
        } throws: { error in
            guard let error = error as? PostgresStoreError else { return false }
            return error.kind == .authenticationFailed && !error.message.contains("certainly-not")
        }
    }

    @Test("a missing database is reported as such")
    func missingDatabase() async throws {
        var configuration = try PostgresTestEnvironment.configuration()
        configuration.database = "no_such_database_here"
        let attempt = configuration
        await #expect {
            _ = try await PostgresEventStore.open(attempt)
        } throws: { error in
            (error as? PostgresStoreError)?.kind == .databaseNotFound
        }
    }

    @Test("a closed store refuses with kind closed")
    func closed() async throws {
        let configuration = try PostgresTestEnvironment.configuration().inSchema(PostgresTestEnvironment.freshSchema())
        let store = try await PostgresEventStore.open(configuration)
        let cleanup = try await PostgresEventStore.open(configuration)
        await store.close()
        await #expect {
            _ = try await store.headPosition()
        } throws: { error in
            (error as? EventStoreError)?.kind == .closed
        }
        try await PostgresTestEnvironment.drop(configuration.schema, using: cleanup)
        await cleanup.close()
    }

    @Test("concurrent commands on one stream: versions contiguous, positions gapless, none lost")
    func concurrentAppendsOneProcess() async throws {
        try await PostgresTestEnvironment.withStore(poolSize: 8) { store, _ in
            let streams = (0..<4).map { _ in StreamID(aggregate: "Counter", id: UUID()) }
            let perStream = 25
            try await withThrowingTaskGroup(of: Void.self) { group in
                for stream in streams {
                    for _ in 0..<perStream {
                        group.addTask {
                            while true {
                                let version = try await store.version(of: stream)
                                do {
                                    _ = try await store.append(
                                        [PostgresTestEnvironment.event()], to: stream,
                                        expectedVersion: version == 0 ? .noStream : .exactly(version))
                                    return
                                } catch let error as EventStoreError where error.kind == .wrongExpectedVersion {
                                    continue
                                }
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let all = try await store.readAll(after: 0, limit: 10_000)
            #expect(all.map(\.position) == Array(1...Int64(streams.count * perStream)))
            for stream in streams {
                #expect(try await store.read(stream: stream).map(\.version) == Array(1...perStream))
            }
        }
    }
}
