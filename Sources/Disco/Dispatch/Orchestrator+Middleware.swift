import Foundation

/// The middleware pipeline every dispatch goes through.
extension Orchestrator {
    /// Adds a middleware after those already in use.
    public func use(_ middleware: any DispatchMiddleware) {
        self.middleware.withLock { $0.append(middleware) }
    }

    /// Runs the middleware's `before` in order; when one throws, the `after` of those that
    /// ran (itself included) see the failure, in reverse order.
    static func before(
        _ request: DispatchRequest,
        _ middleware: [any DispatchMiddleware],
        _ started: ContinuousClock.Instant
    ) async throws(DispatchError) -> DispatchRequest {
        var request = request
        for (number, current) in middleware.enumerated() {
            do throws(DispatchError) {
                request = try await current.before(request)
            } catch {
                let outcome = DispatchOutcome(
                    result: .failure(error),
                    aggregateID: nil,
                    duration: started.duration(to: .now)
                )
                for earlier in middleware[...number].reversed() {
                    await earlier.after(request, outcome: outcome)
                }
                throw error
            }
        }
        return request
    }

    /// Runs the middleware's `after` in reverse order.
    static func after(
        _ request: DispatchRequest,
        _ result: Result<AggregateState, DispatchError>,
        _ middleware: [any DispatchMiddleware],
        aggregateID: UUID?,
        started: ContinuousClock.Instant
    ) async {
        guard !middleware.isEmpty else { return }
        let outcome = DispatchOutcome(result: result, aggregateID: aggregateID, duration: started.duration(to: .now))
        for current in middleware.reversed() {
            await current.after(request, outcome: outcome)
        }
    }
}
