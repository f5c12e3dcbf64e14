import Disco
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// A ready router and application for an orchestrator: the problem middleware first, an
/// optional authentication middleware, the routes, and the console when it is enabled.
public enum DiscoHTTPServer {
    /// The router: ``ProblemMiddleware``, then `authentication` (if any) in front of the
    /// routes and the console.
    ///
    /// - Parameters:
    ///   - orchestrator: What the routes dispatch to and query.
    ///   - document: The OpenAPI document `disco-gen openapi` wrote for the orchestrator's
    ///     specs, served at `GET /openapi.json`; not served when `nil`.
    ///   - options: The limits on requests.
    ///   - authentication: A middleware in front of everything but the document.
    ///   - console: The web console to serve at `/console`, behind `authentication` like the
    ///     routes; none by default (Docs/HTTP.md, "Console").
    public static func router(
        _ orchestrator: Orchestrator,
        document: Data? = nil,
        options: DiscoHTTPOptions = DiscoHTTPOptions(),
        authentication: (any MiddlewareProtocol<Request, Response, BasicRequestContext>)? = nil,
        console: DiscoConsole? = nil
    ) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ProblemMiddleware())
        if let document {
            router.get("openapi.json") { _, _ in
                Response(
                    status: .ok,
                    headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: document))
                )
            }
        }
        let group = router.group()
        if let authentication { group.add(middleware: authentication) }
        DiscoRoutes(orchestrator, options: options).register(on: group)
        console?.register(on: group)
        return router
    }

    /// An application serving the router on `host:port`: 127.0.0.1 (loopback only) unless
    /// told otherwise.
    public static func application(
        router: Router<BasicRequestContext>,
        host: String = "127.0.0.1",
        port: Int = 8080,
        logger: Logger? = nil
    ) -> some ApplicationProtocol {
        Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "disco"),
            logger: logger
        )
    }
}
