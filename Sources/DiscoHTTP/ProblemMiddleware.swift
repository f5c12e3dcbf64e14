import Disco
import HTTPTypes
import Hummingbird

/// Answers every error that reaches it as ``ProblemDetails``: Hummingbird's HTTP errors (an
/// unknown path, a wrong method, a body too large) with their status, anything else as 500
/// with no details (it is logged, never shown). Add it to the router first.
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The middleware.
    public init() {}

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            let status = error.status
            let problem = ProblemDetails(
                type: status == .contentTooLarge ? ProblemType.bodyTooLarge : ProblemType.http,
                title: status.reasonPhrase,
                status: status,
                detail: "\(request.method) \(request.uri.path): \(status.reasonPhrase.lowercased())"
            )
            return problem.response(headers: (error as? HTTPError)?.headers ?? [:])
        } catch {
            context.logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            return ProblemDetails.internalError.response()
        }
    }
}
