import DiscoPostgres
import Foundation
import Testing

@Suite("PostgreSQL docs")
struct PostgresDocsTests {
    @Test("Docs/PostgreSQL.md shows the SQL the store runs")
    func docsShowCurrentSQL() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let docs = try String(contentsOf: root.appendingPathComponent("Docs/PostgreSQL.md"), encoding: .utf8)
        let sql = try PostgresEventStore.schemaSQL()
        #expect(docs.contains(sql.trimmingCharacters(in: .newlines)), "regenerate with `disco sql`")
    }

    @Test("schema names that would need quoting are refused")
    func refusesBadSchemaNames() {
        #expect(throws: PostgresStoreError.self) { try PostgresEventStore.schemaSQL(schema: "x; DROP TABLE y") }
    }
}
