import ArgumentParser
import Disco
import DiscoPostgres
import Foundation

/// `disco info`: what a store holds, who writes it, how far behind its consumers are.
struct Info: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a store's format, counts, head, first and last time, size, consumers and writer.",
        discussion: """
            Consumers of a JSON-lines store are read from the folder of their FileCheckpointStore \
            (--checkpoints, by default the store's checkpoints/ folder when there is one); those of a \
            PostgreSQL store from its checkpoints table.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The folder of the consumers' checkpoints (JSON-lines stores).")
    var checkpoints: String?

    func run() async throws {
        let location = try store.location()
        let opened = try await store.openForReading(progress: ProgressBar.make("opening", unit: .bytes))
        do {
            try await show(opened, location: location)
        } catch {
            await opened.close()
            throw error
        }
        await opened.close()
    }

    private func show(_ opened: OpenedStore, location: String) async throws {
        var rows: [(String, String)] = []
        let head = try await opened.store.headPosition()
        let streams = try await opened.streams()
        switch opened {
        case .postgres(let store):
            rows.append(("store", "\(store.configuration) (PostgreSQL, schema \(store.configuration.schema))"))
        default:
            rows.append(("store", "\(location) (JSON lines, format 1)"))
        }
        rows.append(("events", ProgressBar.grouped(head)))
        rows.append(("streams", ProgressBar.grouped(Int64(streams.count))))
        rows.append(("head position", "\(head)"))
        let first = try await opened.store.readAll(after: 0, limit: 1).first
        let last = head > 0 ? try await opened.store.readAll(after: head - 1, limit: 1).first : nil
        rows.append(("first recorded", first.map { EventFormat.timestamp($0.recordedAt) } ?? "-"))
        rows.append(("last recorded", last.map { EventFormat.timestamp($0.recordedAt) } ?? "-"))
        var consumers: [(String, Int64)] = []
        switch opened {
        case .jsonLines(let reader):
            rows.append(("size on disk", Self.size(Self.folderSize(reader.directory))))
            if let pid = reader.writerProcess {
                rows.append(("writer", pid > 0 ? "process \(pid) holds the store" : "a process holds the store"))
            } else {
                rows.append(("writer", "none"))
            }
            let pending = reader.pendingByteCount
            if pending > 0 {
                let what =
                    reader.writerProcess != nil
                    ? "a command being written" : "a torn tail; `disco repair` cuts it"
                rows.append(("after the last command", "\(pending) bytes (\(what))"))
            }
            consumers = try Self.fileCheckpoints(
                in: checkpoints.map { URL(fileURLWithPath: $0) }
                    ?? reader.directory.appendingPathComponent("checkpoints"),
                named: checkpoints != nil
            )
        case .postgres(let store):
            rows.append(("size on disk", Self.size(try await store.sizeOnDisk())))
            rows.append(("writer", "any number of processes may write a PostgreSQL store"))
            consumers = try await store.checkpoints().map { ($0.consumer, $0.position) }
        case .jsonLinesWriter:
            break
        }
        if consumers.isEmpty {
            rows.append(("consumers", "none"))
        } else {
            for (index, consumer) in consumers.enumerated() {
                let lag = max(0, head - consumer.1)
                rows.append(
                    (
                        index == 0 ? "consumers" : "",
                        "\(consumer.0) at \(consumer.1), \(ProgressBar.grouped(lag)) behind"
                    )
                )
            }
        }
        let width = rows.map(\.0.count).max() ?? 0
        for (key, value) in rows {
            let label = key.isEmpty ? "" : key + ":"
            Output.standard.line(label.padding(toLength: width + 2, withPad: " ", startingAt: 0) + value)
        }
    }

    /// The consumers whose checkpoints a FileCheckpointStore keeps in a folder.
    private static func fileCheckpoints(in folder: URL, named: Bool) throws -> [(String, Int64)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            if named { throw ToolError("\(folder.path) does not exist: give the folder of the consumers' checkpoints") }
            return []
        }
        return names.filter { $0.hasSuffix(".checkpoint") }.sorted().compactMap { name in
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            guard let position = Int64(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
            return (String(name.dropLast(".checkpoint".count)), position)
        }
    }

    private static func folderSize(_ folder: URL) -> Int64 {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        var total: Int64 = 0
        for name in names {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            total += (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        }
        return total
    }

    private static func size(_ bytes: Int64) -> String {
        if bytes < 1_024 { return "\(bytes) bytes" }
        if bytes < 1 << 20 { return String(format: "%.1f KiB", Double(bytes) / 1_024) }
        if bytes < 1 << 30 { return String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
        return String(format: "%.2f GiB", Double(bytes) / 1_073_741_824)
    }
}
