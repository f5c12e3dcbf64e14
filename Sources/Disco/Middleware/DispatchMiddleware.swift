/// Runs around every dispatch: before it (able to refuse it or add to its metadata) and
/// after it (seeing its outcome).
///
/// Middleware run in the order given for `before` and in reverse order for `after`. For a
/// command dispatched with `async: true`, `before` runs in the caller's task, so a refusal
/// reaches the caller, and `after` runs once the background command is done. `after` sees
/// every dispatch whose `before` ran, including failed and refused ones.
///
/// ```swift
/// struct TellersOnly: DispatchMiddleware {
///     func before(_ request: DispatchRequest) async throws(DispatchError) -> DispatchRequest {
///         guard request.command != "withdraw" || request.metadata.metadata["role"] == "teller" else {
///             throw .refused(DispatchRefusal(code: "unauthorised", "only tellers may withdraw"))
///         }
///         return request
///     }
/// }
/// ```
public protocol DispatchMiddleware: Sendable {
    /// Called before the command is validated.
    /// - Returns: The request to go on with, possibly with more metadata.
    /// - Throws: ``DispatchError``, usually ``DispatchError/refused(_:)``, to stop the dispatch.
    func before(_ request: DispatchRequest) async throws(DispatchError) -> DispatchRequest

    /// Called once the dispatch is done, whatever its outcome.
    func after(_ request: DispatchRequest, outcome: DispatchOutcome) async
}

extension DispatchMiddleware {
    /// Lets every request through unchanged.
    public func before(_ request: DispatchRequest) async throws(DispatchError) -> DispatchRequest {
        request
    }

    /// Does nothing.
    public func after(_ request: DispatchRequest, outcome: DispatchOutcome) async {}
}
