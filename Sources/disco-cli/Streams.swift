import ArgumentParser
import Disco
import Foundation

/// `disco streams`: each stream with its version, event count, first and last time.
struct Streams: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the streams: version, event count, first and last recorded time.",
        discussion: "Streams come in the order of their first events."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Only the streams of this aggregate type.")
    var aggregate: String?

    @Option(help: "At most this many streams.")
    var limit: Int?

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more.") }
    }

    func run() async throws {
        let opened = try await store.openForReading(progress: ProgressBar.make("opening", unit: .bytes))
        do {
            var streams = try await opened.streams()
            if let aggregate { streams = streams.filter { $0.stream.aggregate == aggregate } }
            if let limit { streams = Array(streams.prefix(limit)) }
            if streams.isEmpty, let aggregate {
                throw ToolError("no stream of aggregate \(aggregate) in \(try store.location())")
            }
            Output.standard.line("STREAM\tVERSION\tEVENTS\tFIRST\tLAST")
            for summary in streams {
                let first = try await opened.store.readAll(after: summary.firstPosition - 1, limit: 1).first
                let last = try await opened.store.read(stream: summary.stream, after: summary.version - 1).last
                let name = "\(summary.stream.aggregate)/\(summary.stream.id.uuidString.lowercased())"
                let times = [first, last].map { $0.map { EventFormat.timestamp($0.recordedAt) } ?? "-" }
                Output.standard.line("\(name)\t\(summary.version)\t\(summary.version)\t\(times[0])\t\(times[1])")
            }
        } catch {
            await opened.close()
            throw error
        }
        await opened.close()
    }
}
