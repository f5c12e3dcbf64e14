import Disco
import DiscoExamples
import DiscoTesting
import Foundation
import Testing

@Suite("Snapshots")
struct SnapshotTests {
    private static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("snapshots-\(UUID().uuidString)")
    }

    private static func wallet(_ id: UUID) -> StreamID {
        StreamID(aggregate: Wallet.aggregateName, id: id)
    }

    /// Appends `count` deposits of 1 to a wallet, straight to the store, 100 a command.
    private static func appendDeposits(_ count: Int, to id: UUID, in store: some EventStore) async throws {
        var left = count
        while left > 0 {
            let batch = min(left, 100)
            let commandID = UUID()
            let events = (0..<batch).map { _ in
                ProposedEvent(
                    eventType: "money_deposited",
                    commandID: commandID,
                    correlationID: commandID,
                    payload: ["amount": 1.0]
                )
            }
            _ = try await store.append(events, to: wallet(id), expectedVersion: .any)
            left -= batch
        }
    }

    @Test("a long stream loads from its latest snapshot, reading only the events after it")
    func longStreamLoadsFromSnapshot() async throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let id: UUID
        do {
            let store = try await JSONLinesEventStore.open(directory: folder, durability: .none)
            let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
            id = try await orchestrator.createWallet(balance: 0)
            try await Self.appendDeposits(10_000, to: id, in: store)
            await store.close()
        }
        let options = { (store: JSONLinesEventStore) in
            OrchestratorOptions(snapshots: store.snapshots, snapshotEvery: 1_000, commandHistoryLimit: 100)
        }

        // The first start with snapshots replays the whole stream once and saves a snapshot.
        do {
            let store = try await JSONLinesEventStore.open(directory: folder, durability: .none)
            let counting = CountingEventStore(store)
            let orchestrator = try await Orchestrator.start([Wallet.self], store: counting, options: options(store))
            #expect(try await orchestrator.balance(id) == 10_000)
            #expect(counting.streamEventsRead == 10_001)
            #expect(try store.snapshots.snapshot(of: Self.wallet(id))?.version == 10_001)
            try await orchestrator.deposit(id, 5)
            await store.close()
        }

        // Later starts read the snapshot, its last event (to check the stream still holds it)
        // and the one event after it; the command ledger comes from the store's index.
        let store = try await JSONLinesEventStore.open(directory: folder, durability: .none)
        let counting = CountingEventStore(store)
        let orchestrator = try await Orchestrator.start([Wallet.self], store: counting, options: options(store))
        #expect(try await orchestrator.balance(id) == 10_005)
        #expect(counting.streamEventsRead == 2)
        #expect(counting.eventsReadInOrder == 0)
        let next = try await orchestrator.deposit(id, 1)
        #expect(next.version == 10_003)
        #expect(next["balance"] == .double(10_006))
        await store.close()
    }

    @Test("a command taking the version past a multiple of snapshotEvery saves a snapshot")
    func commandsSaveSnapshots() async throws {
        let snapshots = InMemorySnapshotStore()
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start(
            [Wallet.self],
            store: store,
            options: OrchestratorOptions(snapshots: snapshots, snapshotEvery: 3)
        )
        let id = try await orchestrator.createWallet(balance: 1)
        for _ in 0..<6 { try await orchestrator.deposit(id, 1) }
        #expect(await snapshots.saveCount == 2)
        let latest = try #require(await snapshots.snapshot(of: Self.wallet(id)))
        #expect(latest.version == 6)
        #expect(latest.schema == Wallet.snapshotSchema)
        #expect(latest.state["balance"] == .double(6))
        #expect(latest.lastEventID == (try await store.read(stream: Self.wallet(id))[5].eventID))
    }

    @Test("a snapshot saved under another schema is ignored and the events are replayed")
    func otherSchemaIgnored() async throws {
        let store = InMemoryEventStore()
        let writer = try await Orchestrator.start([Wallet.self], store: store)
        let id = try await writer.createWallet(balance: 2)
        try await writer.deposit(id, 3)
        let snapshots = InMemorySnapshotStore()
        var stale = Wallet(id: id)
        stale.balance = 1_000
        await snapshots.save(
            Snapshot(
                stream: Self.wallet(id),
                version: 2,
                lastEventID: try #require(await store.read(stream: Self.wallet(id)).last).eventID,
                schema: "v1-0000000000000000",
                state: stale.fields
            )
        )
        let reader = try await Orchestrator.start(
            [Wallet.self],
            store: store,
            options: OrchestratorOptions(snapshots: snapshots)
        )
        #expect(try await reader.balance(id) == 5)
    }

    @Test("a command recorded long before the latest snapshot is still recognised after a restart")
    func idempotentAcrossSnapshot() async throws {
        let store = InMemoryEventStore()
        let snapshots = InMemorySnapshotStore()
        let options = OrchestratorOptions(snapshots: snapshots, snapshotEvery: 2)
        let first = try await Orchestrator.start([Wallet.self], store: store, options: options)
        let id = try await first.createWallet(balance: 0)
        let repeated = CommandMetadata()
        let recorded = try await first.deposit(id, 10, metadata: repeated)
        #expect(recorded.version == 2)
        for _ in 0..<60 { try await first.deposit(id, 1) }
        #expect(await snapshots.snapshot(of: Self.wallet(id))?.version == 62)

        let second = try await Orchestrator.start([Wallet.self], store: store, options: options)
        let again = try await second.deposit(id, 10, metadata: repeated)
        #expect(again.version == 2)
        #expect(again["balance"] == .double(10))
        #expect(try await second.balance(id) == 70)
        #expect(await store.headPosition() == 62)
    }

    @Test("a snapshot that the stream's events no longer back (a restored backup) is ignored")
    func snapshotAheadOfTheEvents() async throws {
        let store = InMemoryEventStore()
        let writer = try await Orchestrator.start([Wallet.self], store: store)
        let id = try await writer.createWallet(balance: 2)
        try await writer.deposit(id, 3)
        var future = Wallet(id: id)
        future.balance = 1_000
        // Taken at version 5 of a history this store does not have.
        let ahead = InMemorySnapshotStore()
        await ahead.save(
            Snapshot(stream: Self.wallet(id), version: 5, lastEventID: UUID(), schema: Wallet.snapshotSchema, state: future.fields)
        )
        let first = try await Orchestrator.start([Wallet.self], store: store, options: OrchestratorOptions(snapshots: ahead))
        #expect(try await first.balance(id) == 5)
        #expect(try await first.deposit(id, 1).version == 3)

        // Taken at version 2, but after another event than the store's.
        let other = InMemorySnapshotStore()
        await other.save(
            Snapshot(stream: Self.wallet(id), version: 2, lastEventID: UUID(), schema: Wallet.snapshotSchema, state: future.fields)
        )
        let second = try await Orchestrator.start([Wallet.self], store: store, options: OrchestratorOptions(snapshots: other))
        #expect(try await second.balance(id) == 6)
    }

    @Test("unreadable snapshot lines are skipped, and the states rebuilt from the events")
    func damagedSnapshotFile() async throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let id: UUID
        do {
            let store = try await JSONLinesEventStore.open(directory: folder, durability: .none)
            let orchestrator = try await Orchestrator.start(
                [Wallet.self],
                store: store,
                options: OrchestratorOptions(snapshots: store.snapshots, snapshotEvery: 2)
            )
            id = try await orchestrator.createWallet(balance: 1)
            try await orchestrator.deposit(id, 1)
            try await orchestrator.deposit(id, 1)
            #expect(store.snapshots.count == 1)
            await store.close()
        }
        let file = folder.appendingPathComponent(JSONLinesSnapshotStore.fileName)
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"balance\":2.0", with: "\"balance\":\"two\"") + "{\"format\":1,\"aggr"
        try text.write(to: file, atomically: true, encoding: .utf8)

        let store = try await JSONLinesEventStore.open(directory: folder, durability: .none)
        #expect(store.snapshots.skippedLineCount == 1)
        #expect(try store.snapshots.snapshot(of: Self.wallet(id))?.state["balance"] == "two")
        let orchestrator = try await Orchestrator.start(
            [Wallet.self],
            store: store,
            options: OrchestratorOptions(snapshots: store.snapshots, snapshotEvery: 2)
        )
        #expect(try await orchestrator.balance(id) == 3)
        // The cut last line was removed, so the next snapshot is a line of its own.
        try await orchestrator.deposit(id, 1)
        await store.close()
        let reopened = try await JSONLinesEventStore.open(directory: folder, durability: .none)
        #expect(reopened.snapshots.skippedLineCount == 0)
        #expect(try reopened.snapshots.snapshot(of: Self.wallet(id))?.version == 4)
        await reopened.close()
    }

    @Test("opening compacts a snapshot file whose lines are mostly superseded")
    func compaction() async throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let id = UUID()
        do {
            let store = try await JSONLinesEventStore.open(directory: folder, durability: .none)
            for version in 1...100 {
                var state = Wallet(id: id)
                state.balance = Double(version)
                try store.snapshots.save(
                    Snapshot(
                        stream: Self.wallet(id),
                        version: version,
                        lastEventID: UUID(),
                        schema: Wallet.snapshotSchema,
                        state: state.fields
                    )
                )
            }
            await store.close()
        }
        let store = try await JSONLinesEventStore.open(directory: folder, durability: .none)
        let text = try String(
            contentsOf: folder.appendingPathComponent(JSONLinesSnapshotStore.fileName),
            encoding: .utf8
        )
        #expect(text.split(separator: "\n").count == 1)
        #expect(try store.snapshots.snapshot(of: Self.wallet(id))?.state["balance"] == .double(100))
        await store.close()
    }

    @Test("every example aggregate reads back the snapshot of its state")
    func examplesRoundTrip() throws {
        var cart = ShoppingCart(id: UUID())
        cart.customerId = UUID()
        cart.items = ["ABC-1234", "XYZ-0001"]
        cart.total = Decimal(string: "10.35") ?? 0
        cart.checkedOut = true
        cart.checkedOutAt = Date(timeIntervalSince1970: 1_790_000_000.125)
        #expect(try ShoppingCart(snapshot: cart.fields) == cart)
        #expect(try ShoppingCart(snapshot: ShoppingCart(id: cart.id).fields) == ShoppingCart(id: cart.id))

        var task = TaskItem(id: UUID())
        task.title = "Write the \"docs\"\n"
        task.assignee = "ana"
        task.tags = ["a", "b"]
        task.priority = 3
        #expect(try TaskItem(snapshot: task.fields) == task)

        var loan = LibraryLoan(id: UUID())
        loan.dueAt = Date(timeIntervalSince1970: 1_800_000_000)
        loan.renewals = 2
        #expect(try LibraryLoan(snapshot: loan.fields) == loan)

        var account = BankAccount(id: UUID())
        account.balance = Decimal(string: "-12.01") ?? 0
        account.overdraftLimit = 100
        account.frozen = true
        #expect(try BankAccount(snapshot: account.fields) == account)
    }

    @Test("a snapshot whose fields do not fit the state names the field")
    func badFieldsNamed() {
        var fields = Wallet(id: UUID()).fields
        fields["balance"] = "lots"
        #expect(throws: EventDecodingError.self) { try Wallet(snapshot: fields) }
        do {
            _ = try Wallet(snapshot: fields)
        } catch {
            #expect(
                error.description
                    == "cannot decode event 'snapshot of Wallet': field 'balance' holds \"lots\", not a Double"
            )
        }
    }
}

/// Counts the events an orchestrator reads from a store.
final class CountingEventStore: StreamListing, CommandListing, @unchecked Sendable {
    private let base: JSONLinesEventStore
    private let lock = NSLock()
    private var streamCount = 0
    private var allCount = 0

    init(_ base: JSONLinesEventStore) { self.base = base }

    /// Events read stream by stream.
    var streamEventsRead: Int { lock.withLock { streamCount } }
    /// Events read in global order.
    var eventsReadInOrder: Int { lock.withLock { allCount } }

    func append(
        _ events: [ProposedEvent],
        to stream: StreamID,
        expectedVersion: ExpectedVersion
    ) async throws -> [RecordedEvent] {
        try await base.append(events, to: stream, expectedVersion: expectedVersion)
    }

    func read(stream: StreamID, after version: Int) async throws -> [RecordedEvent] {
        let events = try await base.read(stream: stream, after: version)
        lock.withLock { streamCount += events.count }
        return events
    }

    func readAll(after position: Int64, limit: Int) async throws -> [RecordedEvent] {
        let events = try await base.readAll(after: position, limit: limit)
        lock.withLock { allCount += events.count }
        return events
    }

    func headPosition() async throws -> Int64 { try await base.headPosition() }

    func streams() async throws -> [StreamSummary] { try await base.streams() }

    func commands(after position: Int64) async throws -> [RecordedCommand] {
        try await base.commands(after: position)
    }
}
