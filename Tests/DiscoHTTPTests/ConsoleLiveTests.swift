import Disco
import DiscoExamples
import DiscoHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The live view's server-sent events.
@Suite struct ConsoleLiveTests {
    @Test func theEventStreamDeliversANewlyRecordedEvent() async throws {
        let http = try await ConsoleHTTP()
        try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(userID)])
        let head = try await http.store.headPosition()
        let orchestrator = http.orchestrator
        try await http.test { client in
            let received = try await withThrowingTaskGroup(of: String?.self) { group in
                group.addTask {
                    // `limit=1` ends the stream after one event, so that the response completes.
                    try await client.execute(uri: "/console/live/events?after=\(head)&limit=1", method: .get) {
                        response in
                        #expect(response.status == .ok)
                        #expect(response.headers[.contentType] == "text/event-stream; charset=utf-8")
                        return text(response)
                    }
                }
                group.addTask {
                    try await orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 3])
                    // A bound on the wait, so that a broken stream fails the test rather than hangs it.
                    try await Task.sleep(for: .seconds(60))
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                return first
            }
            let stream = try #require(received, "no event arrived within 60 s")
            #expect(stream.contains("id: \(head + 1)\nevent: recorded\ndata: {"))
            #expect(stream.contains(#""type":"wallet_created""#))
            #expect(stream.contains(#""balance":3.0"#))
            #expect(!stream.contains(#""position":\#(head),"#))
        }
    }

    @Test func theEventStreamStartsAtTheHeadOrAtLastEventID() async throws {
        let http = try await ConsoleHTTP()
        try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 1])
        try await http.orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 2])
        try await http.test { client in
            try await client.execute(
                uri: "/console/live/events?limit=1",
                method: .get,
                headers: [HTTPField.Name("Last-Event-ID")!: "1"]
            ) { response in
                #expect(text(response).contains("id: 2\nevent: recorded"))
                #expect(!text(response).contains("id: 1\n"))
            }
        }
    }
}
