import Disco
import Foundation
import Hummingbird

extension DiscoConsole {
    /// How many of the latest events the streams page shows.
    static let latestEventCount = 20
    /// How many streams, and how many events of one stream, a page shows at most.
    static let pageLimit = 1000

    /// The streams (when the store can list them) and the latest events.
    func streamsPage(context: some RequestContext) async -> ConsolePage {
        do {
            var content: [HTML] = []
            if let listing = store as? any StreamListing {
                let streams = try await listing.streams()
                let rows = streams.suffix(Self.pageLimit).reversed().map { summary -> HTML in
                    """
                    <tr><td><a href="\(ConsolePaths.stream(summary.stream))">\(summary.stream.description)</a></td>\
                    <td>\(summary.version)</td><td>\(summary.firstPosition)</td></tr>
                    """
                }
                let shown: HTML =
                    streams.count > Self.pageLimit
                    ? "<p class=\"meta\">The \(Self.pageLimit) newest of \(streams.count) streams.</p>" : .empty
                let table: HTML =
                    streams.isEmpty
                    ? "<p>No stream has events yet.</p>"
                    : """
                    <div class="scroll"><table id="streams"><tr><th>Stream</th><th>Events</th><th>First position</th></tr>
                    \(rows)</table></div>
                    """
                content.append("<h2>Streams</h2>\n\(shown)\(table)")
            } else {
                content.append(
                    """
                    <h2>Streams</h2>
                    <div class="notice failed" id="no-listing"><p>This event store cannot list its streams (it does not \
                    implement StreamListing). The latest events below link to their streams.</p></div>
                    """
                )
            }
            let head = try await store.headPosition()
            let latest = try await store.readAll(
                after: max(0, head - Int64(Self.latestEventCount)),
                limit: Self.latestEventCount
            )
            let events = latest.reversed().map { StateView.event($0, linkStream: true) }
            let list: HTML = latest.isEmpty ? "<p>No events yet.</p>" : "<ol class=\"events\">\(events)</ol>"
            content.append("<h2>Latest events</h2>\n\(list)")
            return ConsolePage(title: "Streams", subtitle: "Newest first.", content: "\(content)")
        } catch {
            context.logger.error("the console could not read the event store: \(error)")
            return Self.storeUnavailable
        }
    }

    /// One stream: the aggregate's current state and its events.
    func streamPage(aggregate: String, id text: String, context: some RequestContext) async -> ConsolePage {
        guard orchestrator.aggregates().contains(where: { $0.name == aggregate }) else {
            return .message("Unknown aggregate", "There is no aggregate type named '\(aggregate)'.", status: .notFound)
        }
        guard let id = UUID(uuidString: text) else {
            return .message("Not found", "'\(text)' is not a UUID, so no \(aggregate) has it.", status: .notFound)
        }
        let stream = StreamID(aggregate: aggregate, id: id)
        do {
            let state = try await orchestrator.state(of: aggregate, id: id)
            let events = try await store.read(stream: stream)
            guard let state else {
                return .message("Not found", "No \(aggregate) has the id \(id.lowercasedText).", status: .notFound)
            }
            let shown = events.suffix(Self.pageLimit).reversed().map { StateView.event($0, linkStream: false) }
            let more: HTML =
                events.count > Self.pageLimit
                ? "<p class=\"meta\">The \(Self.pageLimit) newest of \(events.count) events.</p>" : .empty
            return ConsolePage(
                title: stream.description,
                subtitle: "The stream of a \(aggregate)",
                content: """
                    <h2>Current state</h2>
                    \(StateView.table(state))
                    <h2>Events</h2>
                    \(more)<ol class="events" id="events">\(shown)</ol>
                    """
            )
        } catch {
            context.logger.error("the console could not read \(stream) from the event store: \(error)")
            return Self.storeUnavailable
        }
    }

    static var storeUnavailable: ConsolePage {
        .message(
            "Store unavailable",
            "The event store is unavailable, so nothing could be read. Try again later.",
            status: .serviceUnavailable
        )
    }
}
