import Disco
import Foundation
import Hummingbird
import Logging

/// The server-sent events of the live view: what ``EventStore/subscribe(after:)`` delivers,
/// one `recorded` event each, until the client leaves (or `limit` events were sent).
struct LiveEvents: Sendable {
    let store: any EventStore
    let after: Int64
    let limit: Int?
    let logger: Logger
    /// How often a comment is sent while no event comes.
    var keepAlive: Duration = .seconds(15)

    /// Writes the stream: a writer that fails (the client left) ends it.
    func write(to writer: inout any ResponseBodyWriter) async throws {
        let (frames, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(4096))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var sent = 0
                do {
                    for try await event in store.subscribe(after: after) {
                        continuation.yield(Self.frame(event))
                        sent += 1
                        if let limit, sent >= limit { break }
                    }
                } catch {
                    logger.error("the console's live view could not follow the event store: \(error)")
                    continuation.yield("event: unavailable\ndata: the event store is unavailable\n\n")
                }
                continuation.finish()
            }
            group.addTask { [keepAlive] in
                while !Task.isCancelled {
                    do { try await Task.sleep(for: keepAlive) } catch { return }
                    continuation.yield(": keep-alive\n\n")
                }
            }
            try await writer.write(ByteBuffer(string: "retry: 3000\n\n"))
            do {
                for await frame in frames {
                    try await writer.write(ByteBuffer(string: frame))
                }
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
        try await writer.finish(nil)
    }

    /// One event as a server-sent event: `id` its position, `data` one line of JSON.
    static func frame(_ event: RecordedEvent) -> String {
        let data: Value = .object([
            "position": .int(Int(event.position)),
            "stream": .string(event.stream.description),
            "aggregate": .string(event.stream.aggregate),
            "id": .string(event.stream.id.lowercasedText),
            "version": .int(event.version),
            "type": .string(event.eventType),
            "recorded_at": .string(ISO8601.string(from: event.recordedAt)),
            "payload": .object(event.payload),
            // The payload as the stream pages show it (`5.0`, where JavaScript would write `5`).
            "payload_json": .string(ValueText.json(event.payload)),
            "href": .string(ConsolePaths.stream(event.stream)),
        ])
        let json = (try? JSON.string(data)) ?? #"{"type":"unreadable"}"#
        return "id: \(event.position)\nevent: recorded\ndata: \(json)\n\n"
    }
}
