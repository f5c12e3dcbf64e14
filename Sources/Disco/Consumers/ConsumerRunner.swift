import Logging

/// Runs one consumer in its own task: follows the store from the checkpoint, hands each
/// event of the consumer's types to the handler with retries, and saves the checkpoint.
actor ConsumerRunner {
    let name: String
    private let consumer: any EventConsumer
    private let checkpoints: any CheckpointStore
    private let options: ConsumerOptions
    private let store: any EventStore
    private let upcaster: EventUpcaster
    private let logger: Logger
    private weak var orchestrator: Orchestrator?
    private var state: ConsumerStatus.State = .running
    private var position: Int64 = 0
    private var saved: Int64 = 0
    private var deadLettered = 0
    private var task: Task<Void, Never>?
    private var waiters: [(position: Int64, continuation: CheckedContinuation<Void, Never>)] = []

    init(
        consumer: any EventConsumer,
        checkpoints: any CheckpointStore,
        options: ConsumerOptions,
        store: any EventStore,
        upcaster: EventUpcaster,
        orchestrator: Orchestrator,
        logger: Logger
    ) {
        self.name = consumer.name
        self.consumer = consumer
        self.checkpoints = checkpoints
        self.options = options
        self.store = store
        self.upcaster = upcaster
        self.orchestrator = orchestrator
        self.logger = logger
    }

    /// Reads the checkpoint and starts the consumer's task.
    func start() async throws(ConsumerError) {
        do {
            position = try await checkpoints.checkpoint(of: name)
        } catch {
            throw ConsumerError("cannot read the checkpoint of consumer \(name): \(error)")
        }
        saved = position
        state = .running
        task = Task { await self.run() }
    }

    /// Stops the task and waits for it to end; the checkpoint is saved first.
    func stop() async {
        guard let task else { return }
        task.cancel()
        await task.value
    }

    /// Returns once the consumer has handled every event up to `target`, or has stopped.
    func waitUntilHandled(_ target: Int64) async {
        guard state == .running, position < target else { return }
        await withCheckedContinuation { waiters.append((target, $0)) }
    }

    /// Where the consumer is, against a head position.
    func status(head: Int64) -> ConsumerStatus {
        ConsumerStatus(
            name: name,
            state: state,
            position: position,
            checkpoint: saved,
            head: head,
            deadLettered: deadLettered
        )
    }

    var isRunning: Bool { state == .running }

    // MARK: The consumer's task

    private func run() async {
        do {
            for try await recorded in store.subscribe(after: position) {
                if Task.isCancelled { break }
                // Handlers see every event in its current shape: renamed types under their
                // new name, older versions upcast. An event this build cannot read stops the
                // consumer before its checkpoint moves past it.
                let event: RecordedEvent
                do {
                    event = try upcaster.upcast(recorded)
                } catch {
                    throw error.storeError(at: recorded)
                }
                if consumer.eventTypes?.contains(event.eventType) ?? true {
                    guard try await deliver(event) else { return }
                    try await advance(to: event.position, save: true)
                } else {
                    try await advance(
                        to: event.position,
                        save: event.position - saved >= Int64(options.checkpointInterval)
                    )
                }
            }
            try await save()
            finish(.stopped)
        } catch is CancellationError {
            try? await save()
            finish(.stopped)
        } catch {
            try? await save()
            logger.error("consumer failed", metadata: ["consumer": "\(name)", "error": "\(error)"])
            finish(.failed("\(error)"))
        }
    }

    /// Hands an event to the handler until it succeeds or the attempts are used up.
    /// - Returns: Whether the consumer goes on.
    private func deliver(_ event: RecordedEvent) async throws -> Bool {
        var attempt = 1
        while true {
            guard let orchestrator else { throw CancellationError() }
            do {
                try await consumer.handle(
                    event,
                    context: ConsumerContext(consumer: name, event: event, attempt: attempt, orchestrator: orchestrator)
                )
                return true
            } catch {
                try Task.checkCancellation()
                guard attempt >= options.maxAttempts else {
                    logger.warning(
                        "consumer handler failed; retrying",
                        metadata: [
                            "consumer": "\(name)", "position": "\(event.position)", "attempt": "\(attempt)",
                            "error": "\(error)",
                        ]
                    )
                    try await Task.sleep(for: options.backoff(after: attempt))
                    attempt += 1
                    continue
                }
                switch options.onFailure {
                case .stop:
                    try? await save()
                    let reason =
                        "handler failed \(attempt) times on event \(event.position) (\(event.eventType)): \(error)"
                    logger.error("consumer stopped", metadata: ["consumer": "\(name)", "reason": "\(reason)"])
                    finish(.failed(reason))
                    return false
                case .skip(let deadLetters):
                    try await deadLetters.record(event, consumer: name, attempts: attempt, error: error)
                    deadLettered += 1
                    logger.error(
                        "consumer skipped an event",
                        metadata: [
                            "consumer": "\(name)", "position": "\(event.position)",
                            "dead_letters": "\(deadLetters.url.path)",
                        ]
                    )
                    return true
                }
            }
        }
    }

    private func advance(to newPosition: Int64, save shouldSave: Bool) async throws {
        position = newPosition
        if shouldSave { try await save() }
        var remaining: [(position: Int64, continuation: CheckedContinuation<Void, Never>)] = []
        for waiter in waiters {
            if waiter.position <= position { waiter.continuation.resume() } else { remaining.append(waiter) }
        }
        waiters = remaining
    }

    private func save() async throws {
        guard position > saved else { return }
        let target = position
        try await checkpoints.saveCheckpoint(target, for: name)
        saved = Swift.max(saved, target)
    }

    private func finish(_ final: ConsumerStatus.State) {
        if case .running = state { state = final }
        for waiter in waiters { waiter.continuation.resume() }
        waiters = []
    }
}
