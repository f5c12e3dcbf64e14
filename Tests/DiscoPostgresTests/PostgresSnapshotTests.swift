import Disco
import DiscoExamples
import DiscoPostgres
import Foundation
import Logging
import PostgresNIO
import Testing

@Suite(
    "PostgreSQL snapshots, stream and command listing",
    .enabled(if: PostgresTestEnvironment.shouldRun, PostgresTestEnvironment.skipReason)
)
struct PostgresSnapshotTests {
    private static func wallet(_ id: UUID) -> StreamID {
        StreamID(aggregate: Wallet.aggregateName, id: id)
    }

    @Test("an orchestrator saves snapshots in the database and starts from them, idempotency kept")
    func orchestratorUsesSnapshots() async throws {
        try await PostgresTestEnvironment.withStore { store, configuration in
            let options = OrchestratorOptions(snapshots: store, snapshotEvery: 3)
            let first = Wallet.Client(try await Orchestrator.start([Wallet.self], store: store, options: options))
            let id = try await first.createWallet(userId: UUID(), balance: 1).id
            let repeated = CommandMetadata()
            _ = try await first.deposit(id: id, amount: 10, metadata: repeated)
            for _ in 0..<5 { _ = try await first.deposit(id: id, amount: 1) }
            let snapshot = try #require(try await store.snapshot(of: Self.wallet(id)))
            #expect(snapshot.version == 6)
            #expect(snapshot.schema == Wallet.snapshotSchema)
            #expect(snapshot.lastEventID == (try await store.read(stream: Self.wallet(id)))[5].eventID)

            // A second process starts from the snapshot and still knows the old command.
            let other = try await PostgresEventStore.open(configuration)
            let second = Wallet.Client(
                try await Orchestrator.start(
                    [Wallet.self], store: other, options: OrchestratorOptions(snapshots: other, snapshotEvery: 3))
            )
            #expect(try await second.getWallet(id: id)?.balance == 16)
            let again = try await second.deposit(id: id, amount: 10, metadata: repeated)
            #expect(again.balance == 11)
            #expect(try await other.headPosition() == 7)
            await other.close()
        }
    }

    @Test("an older snapshot never replaces a newer one")
    func newerSnapshotWins() async throws {
        try await PostgresTestEnvironment.withStore { store, _ in
            let stream = Self.wallet(UUID())
            let newer = Snapshot(stream: stream, version: 9, lastEventID: UUID(), schema: "s", state: ["n": 9])
            try await store.save(newer)
            try await store.save(Snapshot(stream: stream, version: 4, lastEventID: UUID(), schema: "s", state: ["n": 4]))
            #expect(try await store.snapshot(of: stream) == newer)
            #expect(try await store.snapshot(of: Self.wallet(UUID())) == nil)
        }
    }

    @Test("streams and commands are listed without reading payloads, in order")
    func listings() async throws {
        try await PostgresTestEnvironment.withStore { store, _ in
            let streams = (0..<3).map { _ in StreamID(aggregate: "Counter", id: UUID()) }
            for round in 0..<3 {
                for stream in streams.reversed() {
                    _ = try await store.append(
                        [PostgresTestEnvironment.event(), PostgresTestEnvironment.event()],
                        to: stream,
                        expectedVersion: round == 0 ? .noStream : .exactly(round * 2)
                    )
                }
            }
            let summaries = try await store.streams()
            #expect(summaries.map(\.stream) == streams.reversed())
            #expect(summaries.map(\.firstPosition) == [1, 3, 5])
            #expect(summaries.allSatisfy { $0.version == 6 })
            let all = try await store.readAll(after: 0, limit: 100)
            let commands = try await store.commands(after: 4)
            #expect(commands == all.dropFirst(4).map { RecordedCommand(commandID: $0.commandID, stream: $0.stream, version: $0.version) })
        }
    }

    @Test("a store at schema version 1 is upgraded with the snapshots table")
    func upgradesFromVersion1() async throws {
        try await PostgresTestEnvironment.withStore { store, configuration in
            let schema = configuration.schema
            try await store.client.withConnection { connection in
                try await connection.query("DROP TABLE \(unescaped: schema).disco_snapshots", logger: Logger(label: "disco.tests"))
                try await connection.query(
                    "DELETE FROM \(unescaped: schema).disco_schema_migrations WHERE version = 2",
                    logger: Logger(label: "disco.tests")
                )
            }
            let upgraded = try await PostgresEventStore.open(configuration)
            let stream = Self.wallet(UUID())
            try await upgraded.save(Snapshot(stream: stream, version: 1, lastEventID: UUID(), schema: "s", state: [:]))
            #expect(try await upgraded.snapshot(of: stream)?.version == 1)
            await upgraded.close()
        }
    }
}
