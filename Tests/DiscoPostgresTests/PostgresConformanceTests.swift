import Disco
import DiscoPostgres
import DiscoTesting
import Testing

@Suite(
    "PostgreSQL event store conformance",
    .enabled(if: PostgresTestEnvironment.shouldRun, PostgresTestEnvironment.skipReason),
    .timeLimit(.minutes(3))
)
struct PostgresConformanceTests {
    /// The stores a check opened, to close and drop afterwards.
    actor OpenedStores {
        var stores: [PostgresEventStore] = []

        func add(_ store: PostgresEventStore) { stores.append(store) }

        func closeAll() async throws {
            for store in stores {
                try await PostgresTestEnvironment.drop(store.configuration.schema, using: store)
                await store.close()
            }
        }
    }

    @Test("the store passes the conformance suite", arguments: EventStoreConformance.Check.allCases)
    func conforms(_ check: EventStoreConformance.Check) async throws {
        let base = try PostgresTestEnvironment.configuration()
        let opened = OpenedStores()
        do {
            try await check.run {
                var configuration = try base.inSchema(PostgresTestEnvironment.freshSchema())
                configuration.maximumConnections = 8
                configuration.pollInterval = .milliseconds(200)
                let store = try await PostgresEventStore.open(configuration)
                await opened.add(store)
                return store
            }
        } catch {
            try await opened.closeAll()
            throw error
        }
        try await opened.closeAll()
    }
}
