import ArgumentParser
import DiscoPostgres

/// `disco migrate`: creates or upgrades a PostgreSQL store's tables.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create or upgrade a PostgreSQL store's tables (idempotent)."
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let location = try store.location()
        guard OpenedStore.isPostgres(location) else {
            throw ToolError(
                "migrate applies to PostgreSQL stores; a JSON-lines store has no tables (give --store postgres://…)"
            )
        }
        guard case .postgres(let store) = try await OpenedStore.openForReading(location) else { return }
        do {
            let head = try await store.headPosition()
            Output.standard.line("\(store.configuration): tables up to date, \(head) events")
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
