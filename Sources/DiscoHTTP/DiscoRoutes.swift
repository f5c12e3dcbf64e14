import Disco
import Foundation
import HTTPTypes
import Hummingbird

/// An orchestrator's commands, queries and aggregates as HTTP routes (Docs/HTTP.md):
///
/// - `GET /commands`, `GET /queries`: the names of the commands and of the queries, sorted.
/// - `POST /commands/{name}`: the params as a JSON object; 200 with the new state and its
///   `ETag`, or 202 with the aggregate id for `Prefer: respond-async`. `Idempotency-Key` is
///   the command id, `If-Match` the version the aggregate must be at, `X-Correlation-ID` the
///   events' correlation id.
/// - `GET /queries/{name}?param=value…`: the list, or the one state (404 when none).
/// - `GET /aggregates/{Aggregate}/{id}`: the current state with its `ETag`.
///
/// Every failure is answered with ``ProblemDetails``. Register the routes on a router, or on a
/// group with an authentication middleware in front (``BearerTokenMiddleware``):
///
/// ```swift
/// let router = Router()
/// router.add(middleware: ProblemMiddleware())
/// DiscoRoutes(orchestrator).register(on: router.group().add(middleware: BearerTokenMiddleware(token: secret)))
/// ```
public struct DiscoRoutes: Sendable {
    /// The orchestrator the routes dispatch to.
    public let orchestrator: Orchestrator
    /// The limits on requests.
    public let options: DiscoHTTPOptions

    /// The routes of an orchestrator.
    public init(_ orchestrator: Orchestrator, options: DiscoHTTPOptions = DiscoHTTPOptions()) {
        self.orchestrator = orchestrator
        self.options = options
    }

    /// Adds the routes to a router or a group.
    public func register<Context: RequestContext>(on router: some RouterMethods<Context>) {
        router.get("commands") { _, _ in
            StateResponse.json(.array(await self.orchestrator.commands().map(Value.string)))
        }
        router.get("queries") { _, _ in
            StateResponse.json(.array(await self.orchestrator.queries().map(Value.string)))
        }
        router.post("commands/{name}") { request, context in
            await self.command(request, context: context)
        }
        router.get("queries/{name}") { request, context in
            await self.query(request, context: context)
        }
        router.get("aggregates/{aggregate}/{id}") { request, context in
            await self.aggregate(request, context: context)
        }
        Self.refuseOtherMethods(on: router, path: "commands", allowed: .get)
        Self.refuseOtherMethods(on: router, path: "queries", allowed: .get)
        Self.refuseOtherMethods(on: router, path: "commands/{name}", allowed: .post)
        Self.refuseOtherMethods(on: router, path: "queries/{name}", allowed: .get)
        Self.refuseOtherMethods(on: router, path: "aggregates/{aggregate}/{id}", allowed: .get)
    }

    /// Answers the methods a path does not serve with 405 and `Allow` (RFC 9110), rather
    /// than the 404 of a path that does not exist.
    private static func refuseOtherMethods<Context: RequestContext>(
        on router: some RouterMethods<Context>,
        path: RouterPath,
        allowed: HTTPRequest.Method
    ) {
        // QUERY: the safe method with a body of draft-ietf-httpbis-safe-method-w-body.
        let query = HTTPRequest.Method("QUERY").map { [$0] } ?? []
        let methods: [HTTPRequest.Method] = [.get, .head, .post, .put, .delete, .patch, .options, .trace] + query
        for method in methods where method != allowed && !(allowed == .get && method == .head) {
            router.on(path, method: method) { request, _ in
                ProblemDetails(
                    type: ProblemType.http,
                    title: "Method Not Allowed",
                    status: .methodNotAllowed,
                    detail: "\(request.method) \(request.uri.path): this path answers \(allowed) only"
                ).response(headers: [.allow: allowed.rawValue])
            }
        }
    }

    // MARK: Commands

    func command(_ request: Request, context: some RequestContext) async -> Response {
        let name = context.parameters.get("name") ?? ""
        guard orchestrator.aggregate(ofCommand: name) != nil else {
            return DispatchError.unknownCommand(name).problem.response()
        }
        let params: Params
        switch await RequestBody.params(request, options: options) {
        case .success(let read): params = read
        case .failure(let problem): return problem.response()
        }
        let headers = request.headers
        let expectedVersion: Int?
        switch EntityTag.precondition(ifMatch: headers[.ifMatch]) {
        case .any: expectedVersion = nil
        case .version(let version): expectedVersion = version
        // No aggregate is at version -1: the dispatch answers 412 with the actual version.
        case .never: expectedVersion = -1
        case .malformed:
            return ProblemDetails(
                type: ProblemType.badHeader,
                title: "Bad header",
                status: .badRequest,
                detail: "If-Match must be * or an entity tag such as \"3\" (the version the aggregate must be at)"
            ).response()
        }
        let correlation = headers[.correlationID]
        let metadata = CommandMetadata(
            commandID: headers[.idempotencyKey].map(HeaderUUID.uuid(for:)) ?? UUID(),
            correlationID: correlation.map(HeaderUUID.uuid(for:)),
            expectedVersion: expectedVersion
        )
        var extra: HTTPFields = [:]
        if let correlation { extra[.correlationID] = correlation }
        let respondAsync = headers[values: .prefer].contains { Self.prefers("respond-async", $0) }
        do throws(DispatchError) {
            if respondAsync {
                let id = try await orchestrator.dispatch(name, params, async: true, metadata: metadata)
                extra[.preferenceApplied] = "respond-async"
                if let aggregate = orchestrator.aggregate(ofCommand: name) {
                    extra[.location] = "/aggregates/\(aggregate)/\(id.uuidString.lowercased())"
                }
                return StateResponse.json(
                    ["id": .string(id.uuidString.lowercased())],
                    status: .accepted,
                    headers: extra
                )
            }
            return StateResponse.state(
                try await orchestrator.dispatch(name, params, metadata: metadata),
                headers: extra
            )
        } catch {
            if case .storeFailure(let storeError) = error {
                context.logger.error("dispatch of \(name) failed in the event store: \(storeError)")
            }
            return error.problem.response(headers: extra)
        }
    }

    /// Whether one `Prefer` header value names a preference (RFC 7240: comma-separated,
    /// parameters after `;`).
    static func prefers(_ preference: String, _ header: String) -> Bool {
        header.split(separator: ",").contains { item in
            let token = item.split(separator: ";").first.map { String($0).trimmingWhitespace } ?? ""
            return token.lowercased() == preference
        }
    }

    // MARK: Queries

    func query(_ request: Request, context: some RequestContext) async -> Response {
        let name = context.parameters.get("name") ?? ""
        var params = Params()
        for (key, value) in request.uri.queryParameters {
            let key = String(key).removingPercentEncoding ?? String(key)
            params[key] = QueryValue.value(String(value))
        }
        do throws(QueryError) {
            switch try await orchestrator.query(name, params) {
            case .list(let states): return StateResponse.json(.array(states.map { .object($0.fields) }))
            case .one(let state?): return StateResponse.state(state)
            case .one(nil):
                return ProblemDetails(
                    type: ProblemType.notFound,
                    title: "Not found",
                    status: .notFound,
                    detail: "no aggregate matches the query"
                ).response()
            }
        } catch {
            return error.problem.response()
        }
    }

    // MARK: Aggregates

    func aggregate(_ request: Request, context: some RequestContext) async -> Response {
        let aggregate = context.parameters.get("aggregate") ?? ""
        guard orchestrator.aggregates().contains(where: { $0.name == aggregate }) else {
            return ProblemDetails(
                type: ProblemType.unknownName,
                title: "Unknown aggregate",
                status: .notFound,
                detail: "there is no aggregate type named '\(aggregate)'"
            ).response()
        }
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else {
            return ProblemDetails(
                type: ProblemType.notFound,
                title: "Not found",
                status: .notFound,
                detail: "the id is not a UUID, so no aggregate has it"
            ).response()
        }
        do throws(EventStoreError) {
            guard let state = try await orchestrator.state(of: aggregate, id: id) else {
                return ProblemDetails(
                    type: ProblemType.notFound,
                    title: "Not found",
                    status: .notFound,
                    detail: "the aggregate does not exist"
                ).response()
            }
            return StateResponse.state(state)
        } catch {
            context.logger.error("reading \(aggregate) \(id) failed in the event store: \(error)")
            return ProblemDetails.storeUnavailable.response()
        }
    }
}
