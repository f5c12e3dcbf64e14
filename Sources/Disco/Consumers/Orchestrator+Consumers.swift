import Foundation

extension Orchestrator {
    /// Starts a consumer in its own task, from its checkpoint.
    ///
    /// A consumer of the same name that has stopped is replaced; one still running is an
    /// error.
    /// - Parameters:
    ///   - consumer: The handler.
    ///   - checkpoints: Where its position is kept.
    ///   - options: Retries, backoff and the policy for events it keeps failing on.
    /// - Throws: ``ConsumerError`` when a consumer of that name runs, or the checkpoint
    ///   cannot be read.
    public func startConsumer(
        _ consumer: any EventConsumer,
        checkpoints: any CheckpointStore,
        options: ConsumerOptions = ConsumerOptions()
    ) async throws(ConsumerError) {
        if let existing = consumers[consumer.name], await existing.isRunning {
            throw ConsumerError("a consumer named '\(consumer.name)' is already running")
        }
        let runner = ConsumerRunner(
            consumer: consumer,
            checkpoints: checkpoints,
            options: options,
            store: store,
            upcaster: upcaster,
            orchestrator: self,
            logger: logger
        )
        try await runner.start()
        consumers[consumer.name] = runner
    }

    /// Stops a consumer and waits until its task has ended and its checkpoint is saved.
    public func stopConsumer(named name: String) async {
        await consumers[name]?.stop()
    }

    /// Where a consumer is, including its lag behind the store's head; `nil` when no
    /// consumer has that name.
    /// - Throws: The store's error when its head cannot be read.
    public func consumerStatus(named name: String) async throws -> ConsumerStatus? {
        guard let runner = consumers[name] else { return nil }
        return await runner.status(head: try await store.headPosition())
    }

    /// The status of every consumer, by name.
    /// - Throws: The store's error when its head cannot be read.
    public func consumerStatuses() async throws -> [ConsumerStatus] {
        let head = try await store.headPosition()
        var statuses: [ConsumerStatus] = []
        for name in consumers.keys.sorted() {
            statuses.append(await consumers[name]!.status(head: head))
        }
        return statuses
    }

    /// Stops every consumer and waits for background commands: for shutting down.
    public func shutdown() async {
        await drain()
        for runner in consumers.values {
            await runner.stop()
        }
    }
}
