/// Receives every command dispatched with `async: true` that was not recorded.
///
/// The orchestrator awaits the handler before it counts the command as done, so
/// ``Orchestrator/drain()`` returns only once every failure has been handled. The default
/// handler logs the failure at error level.
public typealias AsyncDispatchErrorHandler = @Sendable (AsyncDispatchFailure) async -> Void
