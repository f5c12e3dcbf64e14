import Disco
import DiscoExamples
import Foundation
import Testing

/// `bank_account_v1` was recorded when `account_opened` was at version 1 (`owner`, no
/// currency) and deposits were `money_deposited`. Today's spec has `account_opened` at version
/// 3 (`holder`, `currency`) and `funds_deposited` (`renamed_from: [money_deposited]`).
@Suite struct BankAccountEvolutionTests {
    static let ada = UUID(uuidString: "e69b6403-e3d7-4940-a358-bade7a92dad0")!
    static let grace = UUID(uuidString: "00aae947-5c8f-41c5-9e7d-036e23509ce9")!
    static let alan = UUID(uuidString: "b5e6f9ad-7301-475f-83c2-ba4722903774")!

    /// The states the fixture's commands led to, in today's shape.
    static func expectStatesOfTheFixture(_ orchestrator: Orchestrator) async throws {
        let ada = try #require(
            try await orchestrator.query("accounts_of_owner", ["owner": "Ada Lovelace"]).states.first
        )
        #expect(ada.id == Self.ada)
        #expect(ada.version == 5)
        #expect(ada["owner"] == "Ada Lovelace")
        #expect(ada["currency"] == "EUR")
        #expect(ada["balance"] == .decimal(Decimal(string: "-39.5")!))
        #expect(ada["overdraft_limit"] == .decimal(100))
        let frozen = try await orchestrator.query("frozen_accounts", [:]).states
        #expect(frozen.map(\.id) == [Self.grace])
        #expect(frozen.first?["balance"] == .decimal(42))
        #expect(frozen.first?["currency"] == "EUR")
        let alan = try #require(
            try await orchestrator.query("accounts_of_owner", ["owner": "Alan Turing"]).states.first
        )
        #expect(alan["closed"] == true)
        #expect(alan["balance"] == .decimal(0))
        #expect(alan.version == 4)
    }

    @Test("a store of version-1 events opens with today's spec, with and without its old snapshots")
    func opensWithTodaysSpec() async throws {
        for snapshots in [false, true] {
            let directory = try EvolutionFixture.bankAccountV1.copy()
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try await JSONLinesEventStore.open(directory: directory)
            let options =
                snapshots ? OrchestratorOptions(snapshots: store.snapshots, snapshotEvery: 3) : OrchestratorOptions()
            let orchestrator = try await Orchestrator.start([BankAccount.self], store: store, options: options)
            try await Self.expectStatesOfTheFixture(orchestrator)
            await store.close()
        }
    }

    @Test("new commands record today's version after the old events, which stay as they were")
    func newEventsAfterOldOnes() async throws {
        let directory = try EvolutionFixture.bankAccountV1.copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let recorded = try Data(contentsOf: EvolutionFixture.bankAccountV1.eventsFile)
        let store = try await JSONLinesEventStore.open(directory: directory)
        let orchestrator = try await Orchestrator.start([BankAccount.self], store: store)
        let ada = try await orchestrator.dispatch("deposit", ["id": .string(Self.ada.uuidString), "amount": 39.5])
        #expect(ada["balance"] == .decimal(0))
        let opened = try await orchestrator.dispatch("open_account", ["owner": "Edsger Dijkstra", "currency": "GBP"])
        #expect(opened["currency"] == "GBP")
        let events = try await store.readAll(after: 12, limit: 10)
        #expect(events.map(\.eventType) == ["funds_deposited", "account_opened"])
        #expect(events.map(\.schemaVersion) == [1, 3])
        #expect(events.last?.payload["holder"] == "Edsger Dijkstra")
        await store.close()
        let now = try Data(contentsOf: directory.appendingPathComponent("events.jsonl"))
        #expect(now.prefix(recorded.count) == recorded)
    }

    @Test("consumers receive old events in today's shape")
    func consumersSeeTodaysShape() async throws {
        let directory = try EvolutionFixture.bankAccountV1.copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await JSONLinesEventStore.open(directory: directory)
        let orchestrator = try await Orchestrator.start([BankAccount.self], store: store)
        let seen = Collected()
        try await orchestrator.startConsumer(
            Collector(eventTypes: ["account_opened", "funds_deposited"], seen: seen),
            checkpoints: InMemoryCheckpointStore()
        )
        try await seen.waitFor(count: 7)
        let events = await seen.events
        #expect(
            events.map(\.eventType) == ["account_opened", "account_opened", "account_opened"]
                + Array(repeating: "funds_deposited", count: 4)
        )
        #expect(events.prefix(3).allSatisfy { $0.schemaVersion == 3 && $0.payload["currency"] == "EUR" })
        #expect(
            events.first?.payload == ["holder": "Ada Lovelace", "overdraft_limit": .decimal(100), "currency": "EUR"]
        )
        #expect(events.map(\.position) == [1, 2, 3, 4, 7, 8, 10])
        if case .fundsDeposited(let deposit) = try events[3].decoded(as: BankAccount.self) {
            #expect(deposit.amount == Decimal(string: "250.5")!)
        } else {
            Issue.record("position 4 is not a deposit: \(events[3])")
        }
        await orchestrator.shutdown()
        await store.close()
    }

    @Test("an upcasting copy writes every event at its current version and keeps the envelopes")
    func upcastingCopy() async throws {
        let source = try EvolutionFixture.bankAccountV1.copy()
        let destination = FileManager.default.temporaryDirectory.appendingPathComponent("upcast-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: source)
            try? FileManager.default.removeItem(at: destination)
        }
        let recorded = try Data(contentsOf: source.appendingPathComponent("events.jsonl"))
        let from = try await JSONLinesEventStore.open(directory: source)
        let to = try await JSONLinesEventStore.open(directory: destination)
        var positions: [Int64] = []
        let report = try await EventStoreCopier(batchSize: 5, upcaster: EventUpcaster([BankAccount.self]))
            .copy(from: from, to: to) { positions.append($0) }
        #expect(report == EventStoreCopyReport(alreadyPresent: 0, copied: 12, upcast: 7, preservedEnvelopes: true))
        #expect(positions.last == 12)
        let old = try await from.readAll(after: 0, limit: 100)
        let new = try await to.readAll(after: 0, limit: 100)
        #expect(new.count == old.count)
        for (copy, original) in zip(new, old) {
            #expect(copy.position == original.position)
            #expect(copy.eventID == original.eventID)
            #expect(copy.commandID == original.commandID)
            #expect(copy.recordedAt == original.recordedAt)
            #expect(copy.stream == original.stream && copy.version == original.version)
            #expect(copy.correlationID == original.correlationID && copy.causationID == original.causationID)
            #expect(copy.metadata == original.metadata)
            // Read back from the file, numbers are numbers: compare payloads as the JSON they are.
            let upcast = try original.upcast(as: BankAccount.self)
            #expect(copy.eventType == upcast.eventType && copy.schemaVersion == upcast.schemaVersion)
            #expect(try JSON.encode(copy.payload) == JSON.encode(upcast.payload))
        }
        #expect(!new.contains { $0.eventType == "money_deposited" })
        #expect(new.filter { $0.eventType == "account_opened" }.allSatisfy { $0.schemaVersion == 3 })
        await from.close()
        #expect(try Data(contentsOf: source.appendingPathComponent("events.jsonl")) == recorded)

        let orchestrator = try await Orchestrator.start([BankAccount.self], store: to)
        try await Self.expectStatesOfTheFixture(orchestrator)
        await to.close()
    }

    @Test("an event recorded at a newer version than this build knows stops start-up and changes nothing")
    func newerVersionStopsStartUp() async throws {
        let directory = try EvolutionFixture.bankAccountV1.copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let stream = StreamID(aggregate: "BankAccount", id: UUID())
        do {
            let store = try await JSONLinesEventStore.open(directory: directory)
            // What a build with `account_opened` at version 4 would record.
            let event = ProposedEvent(
                eventType: "account_opened",
                schemaVersion: 4,
                commandID: UUID(),
                correlationID: UUID(),
                payload: ["holder": "Barbara Liskov", "overdraft_limit": 0, "currency": "USD", "branch": "Boston"]
            )
            _ = try await store.append([event], to: stream, expectedVersion: .noStream)
            await store.close()
        }
        let before = try Data(contentsOf: directory.appendingPathComponent("events.jsonl"))

        let store = try await JSONLinesEventStore.open(directory: directory)
        let error = await #expect(throws: EventStoreError.self) {
            _ = try await Orchestrator.start([BankAccount.self], store: store)
        }
        #expect(error?.kind == .newerSchemaVersion)
        #expect(
            error?.message
                == "cannot decode event 'account_opened' (version 4) at position 13, stream \(stream): "
                + "it was recorded at version 4, but this build knows versions up to 3: deploy the code of the spec "
                + "that records version 4 (nothing in the store was changed)"
        )
        await store.close()
        #expect(try Data(contentsOf: directory.appendingPathComponent("events.jsonl")) == before)
    }
}

/// The events a consumer was given.
private actor Collected {
    private(set) var events: [RecordedEvent] = []

    func add(_ event: RecordedEvent) { events.append(event) }

    /// Waits up to 5 s for `count` events.
    func waitFor(count: Int) async throws {
        for _ in 0..<500 where events.count < count {
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}

private struct Collector: EventConsumer {
    let name = "collector"
    let eventTypes: Set<String>?
    let seen: Collected

    func handle(_ event: RecordedEvent, context: ConsumerContext) async throws {
        await seen.add(event)
    }
}
