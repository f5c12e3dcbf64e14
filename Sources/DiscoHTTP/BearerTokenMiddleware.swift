import HTTPTypes
import Hummingbird

/// The authentication hook, as an example: lets through only requests with
/// `Authorization: Bearer <token>`, answering the others 401 with problem details and
/// `WWW-Authenticate: Bearer`. Put it in front of the routes it guards:
///
/// ```swift
/// DiscoRoutes(orchestrator).register(on: router.group().add(middleware: BearerTokenMiddleware(token: secret)))
/// ```
///
/// Any other `RouterMiddleware` (sessions, JWTs, mutual TLS) hooks in the same way.
public struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    private let token: [UInt8]

    /// A middleware accepting one token.
    public init(token: String) {
        self.token = Array(token.utf8)
    }

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
            Self.same(Array(header.utf8.dropFirst(7)), token)
        else {
            return ProblemDetails(
                type: ProblemType.unauthorized,
                title: "Unauthorized",
                status: .unauthorized,
                detail: "send Authorization: Bearer <token>"
            ).response(headers: [.wwwAuthenticate: "Bearer"])
        }
        return try await next(request, context)
    }

    /// Compares in a time that does not depend on where the texts differ.
    private static func same(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
        return difference == 0
    }
}
