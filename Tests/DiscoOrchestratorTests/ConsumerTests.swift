import Disco
import DiscoExamples
import Foundation
import Testing

/// Event consumers: in order, from a durable checkpoint, at least once, with retries, a
/// failure policy, visible lag, and resumption after a stop, a failure or a restart.
@Suite struct ConsumerTests {
    @Test func aConsumerSeesEveryEventOfItsTypesInOrder() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let wallet = try await orchestrator.createWallet()
        let log = DeliveryLog()
        let checkpoints = InMemoryCheckpointStore()
        try await orchestrator.startConsumer(Recorder(name: "deposits", types: ["money_deposited"], log: log), checkpoints: checkpoints)
        for _ in 0..<5 { try await orchestrator.deposit(wallet, 1) }
        await orchestrator.drain()
        #expect(await log.positions == [2, 3, 4, 5, 6])
        let status = try #require(try await orchestrator.consumerStatus(named: "deposits"))
        #expect(status.state == .running)
        #expect(status.position == 6)
        #expect(status.lag == 0)
        #expect(await checkpoints.checkpoint(of: "deposits") == 6)
        await #expect(throws: ConsumerError.self) {
            try await orchestrator.startConsumer(Recorder(name: "deposits", types: nil, log: log), checkpoints: checkpoints)
        }
        await orchestrator.shutdown()
        #expect(try await orchestrator.consumerStatus(named: "deposits")?.state == .stopped)
    }

    @Test func aFailingHandlerIsRetriedUntilItSucceeds() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let log = DeliveryLog()
        let flaky = Recorder(name: "flaky", types: nil, log: log, failures: [2: 2])
        try await orchestrator.startConsumer(flaky, checkpoints: InMemoryCheckpointStore(), options: fastRetries(maxAttempts: 3))
        let wallet = try await orchestrator.createWallet()
        try await orchestrator.deposit(wallet, 1)
        try await orchestrator.deposit(wallet, 1)
        await orchestrator.drain()
        #expect(await log.positions == [1, 2, 3])
        #expect(await log.attempts == [1, 3, 1])
    }

    @Test func aConsumerFailingMidStreamStopsAtTheEventAndResumesFromItsCheckpoint() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let wallet = try await orchestrator.createWallet()
        for _ in 0..<9 { try await orchestrator.deposit(wallet, 1) }
        let checkpoints = InMemoryCheckpointStore()
        let first = DeliveryLog()
        try await orchestrator.startConsumer(
            Recorder(name: "ledger", types: nil, log: first, failures: [6: Int.max]),
            checkpoints: checkpoints,
            options: fastRetries(maxAttempts: 2)
        )
        await orchestrator.drain()
        let failed = try #require(try await orchestrator.consumerStatus(named: "ledger"))
        guard case .failed(let reason) = failed.state else {
            Issue.record("expected a failed consumer, got \(failed)")
            return
        }
        #expect(reason.contains("event 6"))
        #expect(failed.position == 5)
        #expect(failed.checkpoint == 5)
        #expect(failed.lag == 5)
        #expect(await first.positions == [1, 2, 3, 4, 5])

        let second = DeliveryLog()
        try await orchestrator.startConsumer(Recorder(name: "ledger", types: nil, log: second), checkpoints: checkpoints)
        try await orchestrator.deposit(wallet, 1)
        await orchestrator.drain()
        #expect(await second.positions == Array(6...11))
        #expect(try await orchestrator.consumerStatus(named: "ledger")?.lag == 0)
    }

    @Test func aSkippedEventGoesToTheDeadLetterFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dead-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let deadLetters = DeadLetterFile(url: folder.appendingPathComponent("dead-letters.jsonl"))
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let log = DeliveryLog()
        try await orchestrator.startConsumer(
            Recorder(name: "picky", types: nil, log: log, failures: [2: Int.max]),
            checkpoints: InMemoryCheckpointStore(),
            options: fastRetries(maxAttempts: 2, onFailure: .skip(deadLetters: deadLetters))
        )
        let wallet = try await orchestrator.createWallet()
        try await orchestrator.deposit(wallet, 1)
        try await orchestrator.deposit(wallet, 1)
        await orchestrator.drain()
        #expect(await log.positions == [1, 3])
        let entries = try await deadLetters.entries()
        #expect(entries.count == 1)
        #expect(entries.first?["consumer"] == "picky")
        #expect(entries.first?["position"] == 2)
        #expect(entries.first?["event_type"] == "money_deposited")
        #expect(entries.first?["attempts"] == 2)
        #expect(try await orchestrator.consumerStatus(named: "picky")?.deadLettered == 1)
    }

    @Test func aKilledConsumerResumesFromItsLastSavedCheckpointAndSeesEventsAgainInOrder() async throws {
        let store = InMemoryEventStore()
        let durable = InMemoryCheckpointStore()
        let crashing = CrashingCheckpoints(base: durable, lastSaved: 4)
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let wallet = try await orchestrator.createWallet()
        for _ in 0..<7 { try await orchestrator.deposit(wallet, 1) }
        let first = DeliveryLog()
        try await orchestrator.startConsumer(Recorder(name: "mailer", types: nil, log: first), checkpoints: crashing)
        await orchestrator.drain()
        await orchestrator.stopConsumer(named: "mailer")
        #expect(await first.positions == Array(1...8))
        #expect(await durable.checkpoint(of: "mailer") == 4, "the saves after 4 were lost in the crash")

        let restarted = try await Orchestrator.start([Wallet.self], store: store)
        let second = DeliveryLog()
        try await restarted.startConsumer(Recorder(name: "mailer", types: nil, log: second), checkpoints: durable)
        try await restarted.deposit(wallet, 1)
        await restarted.drain()
        #expect(await second.positions == Array(5...9))
        let seen = Set(await first.positions + second.positions)
        #expect(seen == Set(1...9), "every event at least once")
    }

    @Test func acrossARestartOnDiskEveryEventIsSeenAtLeastOnceAndInOrder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consumer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let storeFolder = folder.appendingPathComponent("store")
        let checkpointFolder = folder.appendingPathComponent("checkpoints")
        let first = DeliveryLog()
        let wallet: UUID
        do {
            let store = try await JSONLinesEventStore.open(directory: storeFolder)
            let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
            wallet = try await orchestrator.createWallet()
            for _ in 0..<5 { try await orchestrator.deposit(wallet, 1) }
            try await orchestrator.startConsumer(
                Recorder(name: "audit", types: nil, log: first, failures: [4: Int.max]),
                checkpoints: try FileCheckpointStore(directory: checkpointFolder),
                options: fastRetries(maxAttempts: 1)
            )
            await orchestrator.drain()
            await orchestrator.shutdown()
            await store.close()
        }
        #expect(await first.positions == [1, 2, 3])
        let second = DeliveryLog()
        let store = try await JSONLinesEventStore.open(directory: storeFolder)
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let checkpoints = try FileCheckpointStore(directory: checkpointFolder)
        #expect(try await checkpoints.checkpoint(of: "audit") == 3)
        try await orchestrator.startConsumer(Recorder(name: "audit", types: nil, log: second), checkpoints: checkpoints)
        for _ in 0..<3 { try await orchestrator.deposit(wallet, 1) }
        await orchestrator.drain()
        await orchestrator.shutdown()
        await store.close()
        #expect(await second.positions == Array(4...9))
        #expect(try await checkpoints.checkpoint(of: "audit") == 9)
    }

    @Test func aRedeliveredEventDispatchesItsCommandsOnce() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let wallet = try await orchestrator.createWallet()
        try await orchestrator.startConsumer(WelcomeBonus(), checkpoints: InMemoryCheckpointStore())
        await orchestrator.drain()
        await orchestrator.stopConsumer(named: "welcome-bonus")
        try await orchestrator.startConsumer(WelcomeBonus(), checkpoints: InMemoryCheckpointStore())
        await orchestrator.drain()
        #expect(try await orchestrator.balance(wallet) == 10)
        #expect(await store.headPosition() == 2)
    }

    @Test func fileCheckpointsRefuseNamesThatAreNotFileNames() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let checkpoints = try FileCheckpointStore(directory: folder)
        await #expect(throws: ConsumerError.self) { try await checkpoints.saveCheckpoint(1, for: "../escape") }
        try await checkpoints.saveCheckpoint(42, for: "read-model.v2")
        #expect(try await checkpoints.checkpoint(of: "read-model.v2") == 42)
        #expect(try await checkpoints.checkpoint(of: "unknown") == 0)
    }

    func fastRetries(maxAttempts: Int, onFailure: ConsumerFailurePolicy = .stop) -> ConsumerOptions {
        ConsumerOptions(maxAttempts: maxAttempts, initialBackoff: .milliseconds(1), maxBackoff: .milliseconds(2), onFailure: onFailure)
    }
}

/// What a consumer was handed, in order.
actor DeliveryLog {
    private(set) var positions: [Int64] = []
    private(set) var attempts: [Int] = []

    func add(_ event: RecordedEvent, attempt: Int) {
        positions.append(event.position)
        attempts.append(attempt)
    }
}

/// A consumer that logs what it handles and fails on chosen positions a number of times.
struct Recorder: EventConsumer {
    struct Failed: Error, CustomStringConvertible {
        let position: Int64
        var description: String { "refused \(position)" }
    }

    let name: String
    let eventTypes: Set<String>?
    let log: DeliveryLog
    let failures: [Int64: Int]

    init(name: String, types: Set<String>?, log: DeliveryLog, failures: [Int64: Int] = [:]) {
        self.name = name
        self.eventTypes = types
        self.log = log
        self.failures = failures
    }

    func handle(_ event: RecordedEvent, context: ConsumerContext) async throws {
        if let times = failures[event.position], context.attempt <= times { throw Failed(position: event.position) }
        await log.add(event, attempt: context.attempt)
    }
}

/// Checkpoints that stop reaching the durable store after a position, as if the process
/// had crashed there.
struct CrashingCheckpoints: CheckpointStore {
    let base: InMemoryCheckpointStore
    let lastSaved: Int64

    func checkpoint(of consumer: String) async throws -> Int64 {
        await base.checkpoint(of: consumer)
    }

    func saveCheckpoint(_ position: Int64, for consumer: String) async throws {
        if position <= lastSaved { await base.saveCheckpoint(position, for: consumer) }
    }
}
