import Disco
import Foundation

/// The behaviour every ``EventStore`` must have, as checks that run against any store.
///
/// Each check takes a factory that makes a new, empty store, and throws a
/// ``ConformanceFailure`` describing the first broken rule. Run them from any test framework:
///
/// ```swift
/// @Test(arguments: EventStoreConformance.Check.allCases)
/// func conforms(_ check: EventStoreConformance.Check) async throws {
///     try await check.run { InMemoryEventStore() }
/// }
/// ```
///
/// The checks use only the protocol, take well under a second each on a local store, and
/// make no timing assumptions.
public enum EventStoreConformance {
    /// Makes a new, empty store for one check.
    public typealias StoreFactory = @Sendable () async throws -> any EventStore

    /// One rule of the contract.
    public enum Check: String, CaseIterable, Sendable, CustomStringConvertible {
        /// A new store has nothing in it.
        case emptyStore
        /// Appends assign gapless positions and contiguous versions, and keep every field.
        case appendRecordsEnvelope
        /// Expected versions are enforced, and a refused append changes nothing.
        case expectedVersion
        /// Reading a stream after a version gives only the later events.
        case readStreamAfterVersion
        /// Reading everything pages by position.
        case readAllPaging
        /// Of many concurrent appends expecting the same version, exactly one wins.
        case concurrentAppendsOneWinner
        /// Concurrent appends retried on conflict leave contiguous versions and gapless positions.
        case concurrentAppendsContiguous
        /// Concurrent appends on many streams keep the global order gapless.
        case concurrentAppendsManyStreams
        /// Payload and metadata values come back as they were given.
        case valuesRoundTrip
        /// A subscription delivers recorded events, then new ones, in order.
        case subscription
        /// A store that lists its streams (``StreamListing``) or the commands of its events
        /// (``CommandListing``) agrees with what reading everything shows.
        case listingsMatchEvents

        public var description: String { rawValue }

        /// Runs the check on a store from the factory.
        /// - Throws: ``ConformanceFailure`` naming the broken rule, or the store's own error.
        public func run(_ makeStore: StoreFactory) async throws {
            let store = try await makeStore()
            switch self {
            case .emptyStore: try await EventStoreConformance.emptyStore(store)
            case .appendRecordsEnvelope: try await EventStoreConformance.appendRecordsEnvelope(store)
            case .expectedVersion: try await EventStoreConformance.expectedVersion(store)
            case .readStreamAfterVersion: try await EventStoreConformance.readStreamAfterVersion(store)
            case .readAllPaging: try await EventStoreConformance.readAllPaging(store)
            case .concurrentAppendsOneWinner: try await EventStoreConformance.concurrentAppendsOneWinner(store)
            case .concurrentAppendsContiguous: try await EventStoreConformance.concurrentAppendsContiguous(store)
            case .concurrentAppendsManyStreams: try await EventStoreConformance.concurrentAppendsManyStreams(store)
            case .valuesRoundTrip: try await EventStoreConformance.valuesRoundTrip(store)
            case .subscription: try await EventStoreConformance.subscription(store)
            case .listingsMatchEvents: try await EventStoreConformance.listingsMatchEvents(store)
            }
        }
    }

    /// Runs every check, each on a new store.
    /// - Throws: The first failure, prefixed with the check's name.
    public static func runAll(_ makeStore: StoreFactory) async throws {
        for check in Check.allCases {
            do {
                try await check.run(makeStore)
            } catch let failure as ConformanceFailure {
                throw ConformanceFailure("\(check): \(failure.message)")
            }
        }
    }

    // MARK: Helpers

    /// A stream of a test aggregate.
    public static func stream(_ aggregate: String = "Account", id: UUID = UUID()) -> StreamID {
        StreamID(aggregate: aggregate, id: id)
    }

    /// A command's events, with a shared command id.
    public static func command(
        _ count: Int = 1,
        type: String = "thing_happened",
        payload: Params = ["n": 1]
    ) -> [ProposedEvent] {
        let commandID = UUID()
        return (0..<count).map { index in
            var body = payload
            body["index"] = .int(index)
            return ProposedEvent(eventType: type, commandID: commandID, correlationID: commandID, payload: body)
        }
    }

    static func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw ConformanceFailure(message()) }
    }

    static func expectConflict(_ body: () async throws -> Void, _ message: String) async throws {
        do {
            try await body()
        } catch let error as EventStoreError where error.kind == .wrongExpectedVersion {
            return
        }
        throw ConformanceFailure(message)
    }

    static func checkGapless(_ events: [RecordedEvent], from first: Int64 = 1) throws {
        for (offset, event) in events.enumerated() {
            try expect(
                event.position == first + Int64(offset),
                "position \(event.position) at index \(offset), expected \(first + Int64(offset))"
            )
        }
    }

    static func checkContiguous(_ events: [RecordedEvent]) throws {
        var versions: [StreamID: Int] = [:]
        for event in events {
            let expected = versions[event.stream, default: 0] + 1
            try expect(
                event.version == expected,
                "stream \(event.stream) has version \(event.version) where \(expected) was expected"
            )
            versions[event.stream] = expected
        }
    }

    // MARK: Checks

    static func emptyStore(_ store: any EventStore) async throws {
        try await expect(store.headPosition() == 0, "a new store's head is not 0")
        try await expect(store.readAll(after: 0, limit: 100).isEmpty, "a new store reads events")
        try await expect(store.read(stream: stream()).isEmpty, "a new store has a stream")
    }

    static func appendRecordsEnvelope(_ store: any EventStore) async throws {
        let first = stream()
        let second = stream("Other")
        let causation = UUID()
        var events = command(2)
        events[1].causationID = causation
        events[1].metadata = ["user": "ada", "attempt": 2]
        events[1].schemaVersion = 3
        let a = try await store.append(events, to: first, expectedVersion: .noStream)
        let b = try await store.append(command(1), to: second, expectedVersion: .noStream)
        let c = try await store.append(command(1), to: first, expectedVersion: .exactly(2))
        try expect(
            a.map(\.position) == [1, 2] && b.map(\.position) == [3] && c.map(\.position) == [4],
            "positions are not 1, 2, 3, 4"
        )
        try expect(
            a.map(\.version) == [1, 2] && b.map(\.version) == [1] && c.map(\.version) == [3],
            "versions are not contiguous per stream"
        )
        for (recorded, proposed) in zip(a, events) {
            try expect(
                recorded.eventType == proposed.eventType && recorded.schemaVersion == proposed.schemaVersion
                    && recorded.eventID == proposed.eventID && recorded.commandID == proposed.commandID
                    && recorded.correlationID == proposed.correlationID && recorded.causationID == proposed.causationID
                    && recorded.payload == proposed.payload && recorded.metadata == proposed.metadata
                    && recorded.stream == first,
                "the recorded event \(recorded.position) differs from what was appended"
            )
        }
        try await expect(store.headPosition() == 4, "head is not 4 after four events")
        let all = try await store.readAll(after: 0, limit: 100)
        try expect(all == a + b + c, "readAll does not give back exactly what append returned")
        try await expect(store.read(stream: first) == a + c, "read(stream:) does not give back the stream's events")
        try await expect(store.read(stream: second) == b, "read(stream:) mixes streams")
    }

    static func expectedVersion(_ store: any EventStore) async throws {
        let id = stream()
        _ = try await store.append(command(2), to: id, expectedVersion: .noStream)
        try await expectConflict(
            { _ = try await store.append(command(), to: id, expectedVersion: .noStream) },
            "noStream on an existing stream was accepted"
        )
        try await expectConflict(
            { _ = try await store.append(command(), to: id, expectedVersion: .exactly(1)) },
            "a stale version was accepted"
        )
        try await expectConflict(
            { _ = try await store.append(command(), to: id, expectedVersion: .exactly(3)) },
            "a future version was accepted"
        )
        try await expectConflict(
            { _ = try await store.append(command(), to: stream(), expectedVersion: .exactly(1)) },
            "exactly(1) on a new stream was accepted"
        )
        try await expect(store.headPosition() == 2, "a refused append changed the head")
        let any = try await store.append(command(), to: id, expectedVersion: .any)
        try expect(
            any.map(\.version) == [3] && any.map(\.position) == [3],
            "an append with any version got the wrong place"
        )
        let exact = try await store.append(command(), to: id, expectedVersion: .exactly(3))
        try expect(exact.map(\.version) == [4], "an append with the right version got the wrong place")
    }

    static func readStreamAfterVersion(_ store: any EventStore) async throws {
        let id = stream()
        let other = stream()
        for version in 0..<5 {
            _ = try await store.append(command(), to: id, expectedVersion: version == 0 ? .noStream : .exactly(version))
            _ = try await store.append(command(), to: other, expectedVersion: .any)
        }
        let later = try await store.read(stream: id, after: 3)
        try expect(later.map(\.version) == [4, 5], "read(stream:after: 3) gave versions \(later.map(\.version))")
        try await expect(store.read(stream: id, after: 5).isEmpty, "reading after the last version gave events")
        try await expect(
            store.read(stream: id, after: 0).map(\.version) == [1, 2, 3, 4, 5],
            "reading after 0 did not give every event"
        )
    }

    static func readAllPaging(_ store: any EventStore) async throws {
        for _ in 0..<4 {
            _ = try await store.append(command(3), to: stream(), expectedVersion: .noStream)
        }
        var pages: [[RecordedEvent]] = []
        var position: Int64 = 0
        while true {
            let page = try await store.readAll(after: position, limit: 5)
            guard let last = page.last else { break }
            try expect(page.count <= 5, "a page holds more than its limit")
            pages.append(page)
            position = last.position
        }
        let all = pages.flatMap { $0 }
        try expect(all.count == 12, "paging gave \(all.count) events, expected 12")
        try checkGapless(all)
        try checkContiguous(all)
        try await expect(store.readAll(after: 12, limit: 5).isEmpty, "reading after the head gave events")
        try await expect(store.readAll(after: 3, limit: 0).isEmpty, "a limit of 0 gave events")
        try await expect(
            store.readAll(after: 10, limit: 100).map(\.position) == [11, 12],
            "reading the last events failed"
        )
    }

    static func concurrentAppendsOneWinner(_ store: any EventStore) async throws {
        let id = stream()
        _ = try await store.append(command(), to: id, expectedVersion: .noStream)
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    do {
                        _ = try await store.append(command(2), to: id, expectedVersion: .exactly(1))
                        return true
                    } catch let error as EventStoreError where error.kind == .wrongExpectedVersion {
                        return false
                    }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        try expect(
            outcomes.filter { $0 }.count == 1,
            "\(outcomes.filter { $0 }.count) of 16 appends expecting version 1 won"
        )
        let events = try await store.read(stream: id)
        try expect(events.map(\.version) == [1, 2, 3], "versions are \(events.map(\.version)) after one winner")
        try await expect(store.headPosition() == 3, "losers changed the head")
    }

    static func concurrentAppendsContiguous(_ store: any EventStore) async throws {
        let id = stream()
        let writers = 8
        let commandsEach = 5
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<writers {
                group.addTask {
                    for _ in 0..<commandsEach {
                        while true {
                            let version = try await store.read(stream: id).last?.version ?? 0
                            do {
                                _ = try await store.append(
                                    command(),
                                    to: id,
                                    expectedVersion: version == 0 ? .noStream : .exactly(version)
                                )
                                break
                            } catch let error as EventStoreError where error.kind == .wrongExpectedVersion {
                                continue
                            }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let events = try await store.read(stream: id)
        try expect(
            events.map(\.version) == Array(1...(writers * commandsEach)),
            "versions are not contiguous: \(events.map(\.version))"
        )
        let all = try await store.readAll(after: 0, limit: 1000)
        try checkGapless(all)
    }

    static func concurrentAppendsManyStreams(_ store: any EventStore) async throws {
        let streams = (0..<10).map { _ in stream() }
        let returned = try await withThrowingTaskGroup(of: [RecordedEvent].self) { group in
            for index in 0..<60 {
                group.addTask {
                    try await store.append(
                        command(1 + index % 3),
                        to: streams[index % streams.count],
                        expectedVersion: .any
                    )
                }
            }
            return try await group.reduce(into: [RecordedEvent]()) { $0.append(contentsOf: $1) }
        }
        let all = try await store.readAll(after: 0, limit: 10_000)
        try expect(all.count == returned.count, "\(all.count) events stored, \(returned.count) acknowledged")
        try checkGapless(all)
        try checkContiguous(all)
        try expect(Set(all) == Set(returned), "stored events differ from acknowledged ones")
        // A command's events are consecutive.
        for events in Dictionary(grouping: all, by: \.commandID).values {
            let positions = events.map(\.position).sorted()
            try expect(
                positions.last! - positions.first! == Int64(positions.count - 1),
                "a command's events are interleaved with others"
            )
        }
    }

    static func valuesRoundTrip(_ store: any EventStore) async throws {
        let payload: Params = [
            "string": "plain", "unicode": "héllo, 世界 🎉", "escapes": "quote \" backslash \\ newline \n tab \t",
            "int": 42, "negative": -7, "big": .int(Int.max), "double": 0.1, "tiny": 1e-300, "whole": 100.0,
            "true": true, "false": false, "null": nil, "list": [1, "two", 3.5, [], [:]],
            "object": ["nested": ["deeper": [true]]], "empty": "",
        ]
        let metadata: Params = ["request": "r-1", "tags": ["a", "b"]]
        let event = ProposedEvent(
            eventType: "values_checked",
            commandID: UUID(),
            correlationID: UUID(),
            causationID: UUID(),
            payload: payload,
            metadata: metadata
        )
        let recorded = try await store.append([event], to: stream(), expectedVersion: .noStream)
        let read = try await store.readAll(after: 0, limit: 1)
        try expect(read == recorded, "the event read back differs from the one appended")
        try expect(
            read.first?.payload == payload,
            "the payload changed: \(read.first.map { Value.describe($0.payload) } ?? "none")"
        )
        try expect(read.first?.metadata == metadata, "the metadata changed")
    }

    static func listingsMatchEvents(_ store: any EventStore) async throws {
        let streams = (0..<4).map { _ in stream() }
        for round in 0..<3 {
            for stream in streams.reversed() where round < 2 || stream != streams[0] {
                _ = try await store.append(command(round + 1), to: stream, expectedVersion: .any)
            }
        }
        let all = try await store.readAll(after: 0, limit: 1_000)
        if let listing = store as? any StreamListing {
            let expected = streams.reversed().map { stream in
                let events = all.filter { $0.stream == stream }
                return StreamSummary(stream: stream, firstPosition: events[0].position, version: events.count)
            }
            let listed = try await listing.streams()
            try expect(listed == expected, "streams() gave \(listed), the events show \(expected)")
        }
        if let listing = store as? any CommandListing {
            for after in [0, 5, Int64(all.count)] {
                let expected = all.filter { $0.position > after }.map(RecordedCommand.init)
                let listed = try await listing.commands(after: after)
                try expect(listed == expected, "commands(after: \(after)) does not match the events after it")
            }
        }
    }

    static func subscription(_ store: any EventStore) async throws {
        let id = stream()
        _ = try await store.append(command(3), to: id, expectedVersion: .noStream)
        let received = Task {
            var events: [RecordedEvent] = []
            for try await event in store.subscribe(after: 1) {
                events.append(event)
                if events.count == 5 { break }
            }
            return events
        }
        _ = try await store.append(command(2), to: id, expectedVersion: .exactly(3))
        _ = try await store.append(command(1), to: stream(), expectedVersion: .noStream)
        let events = try await received.value
        try expect(
            events.map(\.position) == [2, 3, 4, 5, 6],
            "the subscription delivered positions \(events.map(\.position))"
        )

        // Cancelling a waiting subscription ends it.
        let waiting = Task {
            var count = 0
            for try await _ in store.subscribe(after: 6) { count += 1 }
            return count
        }
        waiting.cancel()
        try await expect(waiting.value == 0, "a cancelled subscription delivered events")
    }
}
