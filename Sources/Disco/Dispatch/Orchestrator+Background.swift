import Foundation
import Logging

/// Background dispatches (`async: true`), their error handler, and waiting for them.
extension Orchestrator {
    /// Validates a command and returns the id of its aggregate; with `async: true` the
    /// events are recorded in the background, otherwise before it returns.
    ///
    /// A background command that is not recorded goes to the error handler (see
    /// ``setErrorHandler(_:)``; by default it is logged). ``drain()`` waits for every one.
    /// - Throws: ``DispatchError``: for background commands, only `unknownCommand`,
    ///   `invalidParams` and `refused`.
    @discardableResult
    public func dispatch(
        _ name: String,
        _ params: Params,
        async: Bool,
        metadata: CommandMetadata = CommandMetadata()
    ) async throws(DispatchError) -> UUID {
        guard `async` else {
            return try await dispatch(name, params, metadata: metadata).id
        }
        let started = ContinuousClock.now
        let middleware = self.middleware.withLock { $0 }
        let request = try await Self.before(
            DispatchRequest(command: name, params: params, metadata: metadata, isAsync: true),
            middleware,
            started
        )
        let command: PreparedCommand
        do throws(DispatchError) {
            command = try await prepare(request.command, request.params, metadata: request.metadata)
        } catch {
            await Self.after(request, .failure(error), middleware, aggregateID: nil, started: started)
            throw error
        }
        let key = nextPendingKey
        nextPendingKey += 1
        let handler = errorHandler
        pending[key] = Task {
            let result: Result<AggregateState, DispatchError>
            do throws(DispatchError) {
                result = .success(try await command.run())
            } catch {
                result = .failure(error)
            }
            await Self.after(request, result, middleware, aggregateID: command.aggregateID, started: started)
            if case .failure(let error) = result {
                await handler(
                    AsyncDispatchFailure(
                        command: request.command,
                        params: request.params,
                        aggregateID: command.aggregateID,
                        metadata: request.metadata,
                        error: error
                    )
                )
            }
            self.finished(key)
        }
        return command.aggregateID
    }

    /// Sets what happens to a command dispatched with `async: true` that is not recorded;
    /// it replaces the default, which logs it at error level.
    /// - Parameter handler: Called once per failed background command, in its task.
    public func setErrorHandler(_ handler: @escaping AsyncDispatchErrorHandler) {
        errorHandler = handler
    }

    /// Waits until every command dispatched with `async: true` so far has been recorded or
    /// handed to the error handler, and every running consumer has handled the events
    /// recorded so far; repeats while that work leads to more (process managers).
    ///
    /// For tests and shutdown. A consumer that stops or fails is not waited for.
    public func drain() async {
        while true {
            while let task = pending.values.first {
                await task.value
            }
            guard !consumers.isEmpty, let head = try? await store.headPosition() else { return }
            for runner in consumers.values {
                await runner.waitUntilHandled(head)
            }
            if pending.isEmpty, (try? await store.headPosition()) == head { return }
        }
    }

    /// How many commands dispatched with `async: true` are not done yet.
    public var pendingCount: Int { pending.count }

    private func finished(_ key: Int) {
        pending[key] = nil
    }

    static func loggingErrorHandler(_ logger: Logger) -> AsyncDispatchErrorHandler {
        { failure in
            logger.error(
                "background command failed",
                metadata: [
                    "command": "\(failure.command)",
                    "command_id": "\(failure.metadata.commandID)",
                    "aggregate_id": "\(failure.aggregateID)",
                    "error": "\(failure.error)",
                ]
            )
        }
    }
}
