import Disco
import DiscoPostgres
import Foundation
import PostgresNIO
import Testing

@Suite(
    "PostgreSQL subscriptions and checkpoints",
    .enabled(if: PostgresTestEnvironment.shouldRun, PostgresTestEnvironment.skipReason),
    .timeLimit(.minutes(3))
)
struct PostgresSubscriptionTests {
    @Test("a subscription sees past events, then events another store instance appends")
    func followsOtherWriters() async throws {
        try await PostgresTestEnvironment.withStore { store, configuration in
            let other = try await PostgresEventStore.open(configuration)
            let stream = StreamID(aggregate: "Wallet", id: UUID())
            _ = try await store.append([PostgresTestEnvironment.event()], to: stream, expectedVersion: .noStream)
            let reader = Task {
                var positions: [Int64] = []
                for try await event in store.subscribe(after: 0) {
                    positions.append(event.position)
                    if positions.count == 5 { break }
                }
                return positions
            }
            for version in 1...4 {
                _ = try await other.append(
                    [PostgresTestEnvironment.event()], to: stream, expectedVersion: .exactly(version))
            }
            #expect(try await reader.value == [1, 2, 3, 4, 5])
            await other.close()
        }
    }

    @Test("a subscription starts after the given position and ends when the store closes")
    func endsOnClose() async throws {
        let configuration = try PostgresTestEnvironment.configuration().inSchema(PostgresTestEnvironment.freshSchema())
        let store = try await PostgresEventStore.open(configuration)
        let stream = StreamID(aggregate: "Wallet", id: UUID())
        _ = try await store.append(
            [PostgresTestEnvironment.event(), PostgresTestEnvironment.event()], to: stream, expectedVersion: .noStream)
        let reader = Task {
            var positions: [Int64] = []
            do {
                for try await event in store.subscribe(after: 1) {
                    positions.append(event.position)
                }
                return (positions, nil as EventStoreError.Kind?)
            } catch let error as EventStoreError {
                return (positions, error.kind)
            }
        }
        // Wait until the reader has caught up, through a second subscription.
        for try await event in store.subscribe(after: 1) where event.position == 2 { break }
        let cleanup = try await PostgresEventStore.open(configuration)
        await store.close()
        let (positions, kind) = try await reader.value
        #expect(positions == [2])
        #expect(kind == .closed)
        try await PostgresTestEnvironment.drop(configuration.schema, using: cleanup)
        await cleanup.close()
    }

    @Test("a read model and its checkpoint commit together, or not at all")
    func checkpointInTransaction() async throws {
        try await PostgresTestEnvironment.withStore { store, configuration in
            let table = "\(configuration.schema).balances"
            try await store.client.query("CREATE TABLE \(unescaped: table) (id uuid PRIMARY KEY, events bigint NOT NULL)")
            let stream = StreamID(aggregate: "Wallet", id: UUID())
            _ = try await store.append(
                [PostgresTestEnvironment.event(), PostgresTestEnvironment.event()], to: stream, expectedVersion: .noStream)
            #expect(try await store.checkpoint(of: "balances") == 0)

            // A handler that fails after writing: neither the row nor the checkpoint stays.
            struct HandlerFailed: Error {}
            await #expect(throws: HandlerFailed.self) {
                try await store.withTransaction { transaction in
                    let after = try await transaction.lockCheckpoint(of: "balances")
                    let events = try await store.readAll(after: after, limit: 100)
                    try await transaction.connection.query(
                        "INSERT INTO \(unescaped: table) VALUES (\(stream.id), \(Int64(events.count)))",
                        logger: transaction.logger)
                    try await transaction.saveCheckpoint(events.last?.position ?? after, for: "balances")
                    throw HandlerFailed()
                }
            }
            #expect(try await store.checkpoint(of: "balances") == 0)

            let processed = try await store.withTransaction { transaction in
                let after = try await transaction.lockCheckpoint(of: "balances")
                let events = try await store.readAll(after: after, limit: 100)
                try await transaction.connection.query(
                    "INSERT INTO \(unescaped: table) VALUES (\(stream.id), \(Int64(events.count)))",
                    logger: transaction.logger)
                try await transaction.saveCheckpoint(events.last?.position ?? after, for: "balances")
                return events.count
            }
            #expect(processed == 2)
            #expect(try await store.checkpoint(of: "balances") == 2)
            var rows: [Int64] = []
            for try await (count,) in try await store.client.query("SELECT events FROM \(unescaped: table)")
                .decode((Int64.self))
            {
                rows.append(count)
            }
            #expect(rows == [2])

            try await store.saveCheckpoint(1, for: "other")
            #expect(try await store.checkpoint(of: "other") == 1)
        }
    }
}
