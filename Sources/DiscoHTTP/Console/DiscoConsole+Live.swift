import Disco
import Foundation
import HTTPTypes
import Hummingbird

extension DiscoConsole {
    /// The live view: new events as they are recorded, through server-sent events.
    func livePage() -> ConsolePage {
        ConsolePage(
            title: "Live events",
            subtitle: "Every event recorded from now on, newest first.",
            content: """
                <p class="notice" id="live-status">Connecting… (the live view needs JavaScript; without it, the \
                <a href="\(ConsolePaths.streams)">streams page</a> shows the latest events).</p>
                <ol class="events" id="live-events" data-source="\(ConsolePaths.liveEvents)"></ol>
                <script src="\(ConsolePaths.script)"></script>
                """
        )
    }

    /// `text/event-stream` of the events recorded after the head of the store when the
    /// request came (or after `Last-Event-ID`, or the `after` query parameter); `limit` ends
    /// the stream after that many events. Each event is a `recorded` event whose data is one
    /// line of JSON and whose id is its position; a comment every 15 seconds keeps the
    /// connection open and notices a client that left.
    func liveEvents(_ request: Request, context: some RequestContext) async -> Response {
        let query = request.uri.queryParameters
        let limit = query["limit"].flatMap { Int(String($0)) }.map { max($0, 1) }
        var after = request.headers[.lastEventID].flatMap { Int64($0) } ?? query["after"].flatMap { Int64(String($0)) }
        if after == nil {
            do {
                after = try await store.headPosition()
            } catch {
                context.logger.error("the console could not read the event store: \(error)")
                return Self.storeUnavailable.response
            }
        }
        let events = LiveEvents(store: store, after: max(after ?? 0, 0), limit: limit, logger: context.logger)
        let headers = ConsoleHeaders.headers(contentType: "text/event-stream; charset=utf-8")
        return Response(
            status: .ok,
            headers: headers,
            body: ResponseBody { writer in try await events.write(to: &writer) }
        )
    }
}
