import ArgumentParser
import Disco
import Foundation

/// `disco events`: the store's events, one a line.
struct Events: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print events: position, time, stream, version, type and payload, or --json for jq.",
        discussion: "Shows the events recorded when the command started, in position order."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var selection: EventSelection

    func run() async throws {
        let stream = try selection.streamID()
        let filter = EventFilter(types: selection.types, since: try selection.sinceDate())
        let opened = try await store.openForReading(progress: ProgressBar.make("opening", unit: .bytes))
        do {
            try await print(from: opened, stream: stream, filter: filter)
        } catch {
            await opened.close()
            throw error
        }
        await opened.close()
    }

    private func print(from opened: OpenedStore, stream: StreamID?, filter: EventFilter) async throws {
        let limit = selection.limit ?? Int.max
        let json = selection.json
        var printed = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        func add(_ event: RecordedEvent) {
            if json {
                EventFormat.appendJSON(event, into: &buffer)
            } else {
                EventFormat.appendReadable(event, into: &buffer)
            }
            printed += 1
        }
        guard limit > 0 else { return }
        if let stream {
            let events = try await opened.store.read(stream: stream, after: 0)
            if events.isEmpty {
                throw ToolError(
                    "no stream \(stream.aggregate)/\(stream.id.uuidString.lowercased()) in \(try store.location()): `disco streams` lists the streams"
                )
            }
            for event in events where event.position > selection.after && filter.matches(event) {
                add(event)
                if printed >= limit { break }
            }
            Output.standard.write(buffer)
            return
        }
        let head = try await opened.store.headPosition()
        let progress = ProgressBar.make("events")
        defer { progress?.finish() }
        var position = selection.after
        if json, case .jsonLines(let reader) = opened {
            // The recorded lines are the JSON already: passed on, not encoded again.
            reading: while position < head {
                let next = try reader.visitLines(after: position, limit: Int(min(4_096, head - position))) {
                    event,
                    line in
                    guard printed < limit, filter.matches(event) else { return }
                    EventFormat.appendJSON(line: line, of: event, into: &buffer)
                    printed += 1
                }
                guard next > position else { break }
                position = next
                Output.standard.write(buffer)
                buffer.removeAll(keepingCapacity: true)
                progress?.update(position - selection.after, of: head - selection.after)
                if printed >= limit { break reading }
            }
            return
        }
        reading: while position < head {
            let page = try await opened.store.readAll(after: position, limit: Int(min(4_096, head - position)))
            guard let last = page.last else { break }
            for event in page where filter.matches(event) {
                add(event)
                if printed >= limit { break reading }
            }
            position = last.position
            Output.standard.write(buffer)
            buffer.removeAll(keepingCapacity: true)
            progress?.update(position - selection.after, of: head - selection.after)
        }
        Output.standard.write(buffer)
    }
}
