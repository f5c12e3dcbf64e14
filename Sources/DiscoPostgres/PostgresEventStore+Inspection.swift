import Disco
import PostgresNIO

extension PostgresEventStore {
    /// Every consumer's checkpoint, by consumer name in order: what `disco info` shows with
    /// each consumer's lag.
    public func checkpoints() async throws -> [(consumer: String, position: Int64)] {
        do {
            return try await withRows(
                of: "SELECT consumer, position FROM \(unescaped: schema.checkpoints) ORDER BY consumer"
            ) { rows in
                var result: [(consumer: String, position: Int64)] = []
                for try await (consumer, position) in rows.decode((String, Int64).self) {
                    result.append((consumer, position))
                }
                return result
            }
        } catch {
            throw PostgresErrors.storeError(error, doing: "read the consumers' checkpoints")
        }
    }

    /// The bytes the store's tables take in the database, indexes and TOAST included.
    public func sizeOnDisk() async throws -> Int64 {
        do {
            return try await withRows(
                of: """
                    SELECT (pg_total_relation_size('\(unescaped: schema.events)')
                        + pg_total_relation_size('\(unescaped: schema.checkpoints)')
                        + pg_total_relation_size('\(unescaped: schema.snapshots)'))::bigint
                    """
            ) { rows in
                var size: Int64 = 0
                for try await (value, ) in rows.decode((Int64.self)) { size = value }
                return size
            }
        } catch {
            throw PostgresErrors.storeError(error, doing: "measure the store's tables")
        }
    }
}
