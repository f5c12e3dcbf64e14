import ArgumentParser
import DiscoPostgres

/// `disco-postgres migrate`: creates or upgrades the store's tables.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or upgrade the event store's tables (idempotent)."
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let store = try await store.open()
        let head = try await store.headPosition()
        print("\(store.configuration): tables up to date, \(head) events")
        await store.close()
    }
}
