import Disco
import Foundation
import HTTPTypes
import Hummingbird

/// A web console for an orchestrator, mounted at `/console` (Docs/HTTP.md, "Console"): the
/// aggregates, their commands and queries as forms built from the OpenAPI document, the
/// streams and the events of a stream, and a live view of new events.
///
/// Plain server-rendered HTML that reads on a phone; the only script is the few lines of the
/// live view. Every text from specs, params, states and events is escaped, the pages load
/// nothing from elsewhere (a strict `Content-Security-Policy`), and posts from other sites are
/// refused. The console is off unless it is given to ``DiscoHTTPServer/router(_:document:options:authentication:console:)``,
/// or registered on a router:
///
/// ```swift
/// let console = DiscoConsole(orchestrator, store: store, document: document)
/// console.register(on: router)
/// ```
public struct DiscoConsole: Sendable {
    /// The orchestrator the forms dispatch to and query.
    public let orchestrator: Orchestrator
    /// The store whose streams and events the console shows.
    public let store: any EventStore
    /// The limits on the forms' bodies (``DiscoHTTPOptions/maxBodySize``).
    public let options: DiscoHTTPOptions
    let document: ConsoleDocument

    /// A console.
    /// - Parameters:
    ///   - orchestrator: What the forms dispatch to and query.
    ///   - store: The orchestrator's store, for the streams, the events and the live view.
    ///   - document: The OpenAPI document `disco-gen openapi` wrote for the orchestrator's
    ///     specs: the forms are built from it. Without one (or with one that is not JSON) the
    ///     pages say that they cannot build forms.
    ///   - options: The limits on requests.
    public init(
        _ orchestrator: Orchestrator,
        store: any EventStore,
        document: Data?,
        options: DiscoHTTPOptions = DiscoHTTPOptions()
    ) {
        self.orchestrator = orchestrator
        self.store = store
        self.options = options
        self.document = ConsoleDocument(document)
    }

    /// Adds the console's routes, under `console/`, to a router or a group.
    public func register<Context: RequestContext>(on router: some RouterMethods<Context>) {
        let console = router.group("console")
        console.get { _, _ in self.index().response }
        console.get("console.css") { _, _ in Self.asset(ConsoleAssets.stylesheet, type: "text/css; charset=utf-8") }
        console.get("console.js") { _, _ in
            Self.asset(ConsoleAssets.script, type: "text/javascript; charset=utf-8")
        }
        console.get("commands/{name}") { _, context in
            self.commandPage(ConsolePaths.name(context.parameters.get("name"))).response
        }
        console.post("commands/{name}") { request, context in
            await self.submitCommand(ConsolePaths.name(context.parameters.get("name")), request, context: context)
                .response
        }
        console.get("queries/{name}") { _, context in
            self.queryPage(ConsolePaths.name(context.parameters.get("name"))).response
        }
        console.post("queries/{name}") { request, context in
            await self.submitQuery(ConsolePaths.name(context.parameters.get("name")), request).response
        }
        console.get("streams") { _, context in await self.streamsPage(context: context).response }
        console.get("streams/{aggregate}/{id}") { _, context in
            await self.streamPage(
                aggregate: ConsolePaths.name(context.parameters.get("aggregate")),
                id: ConsolePaths.name(context.parameters.get("id")),
                context: context
            ).response
        }
        console.get("live") { _, _ in self.livePage().response }
        console.get("live/events") { request, context in await self.liveEvents(request, context: context) }
    }

    /// The first page: every aggregate with its commands and queries.
    func index() -> ConsolePage {
        var sections: [HTML] = []
        if let problem = document.problem { sections.append("<div class=\"notice failed\"><p>\(problem)</p></div>") }
        for aggregate in orchestrator.aggregates() {
            let description: HTML =
                document.aggregateDescriptions[aggregate.name].map { text -> HTML in
                    "<p class=\"description\">\(text)</p>"
                } ?? .empty
            let commands = aggregate.commands.map { name -> HTML in
                Self.item(name, path: ConsolePaths.command(name), summary: document.commands[name]?.description)
            }
            let queries = aggregate.queries.map { name -> HTML in
                Self.item(name, path: ConsolePaths.query(name), summary: document.queries[name]?.description)
            }
            sections.append(
                """
                <section>
                <h2>\(aggregate.name)</h2>
                \(description)<h3>Commands</h3>
                \(Self.list(commands))
                <h3>Queries</h3>
                \(Self.list(queries))
                </section>

                """
            )
        }
        return ConsolePage(
            title: "Aggregates",
            subtitle: "Dispatch a command or run a query with a form, or follow the events.",
            content: "\(sections)"
        )
    }

    private static func list(_ items: [HTML]) -> HTML {
        items.isEmpty ? "<p>None.</p>" : "<ul class=\"names\">\(items)</ul>"
    }

    private static func item(_ name: String, path: String, summary: String?) -> HTML {
        let first = summary?.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init)
        let text: HTML = first.map { text -> HTML in " <span class=\"meta\">\(text)</span>" } ?? .empty
        return "<li><a href=\"\(path)\">\(name)</a>\(text)</li>"
    }

    private static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok,
            headers: ConsoleHeaders.headers(contentType: type),
            body: ResponseBody(byteBuffer: ByteBuffer(string: text))
        )
    }

    /// The values of a posted form, or the page that refuses it: a post from another site, or
    /// a body over the limit.
    func form(_ request: Request) async -> FormSubmission {
        if let refusal = CrossSiteCheck.refusal(request) {
            return .refused(.message("Refused", refusal, status: .forbidden))
        }
        let tooLarge = ConsolePage.message(
            "Too large",
            "The form is larger than \(options.maxBodySize) bytes.",
            status: .contentTooLarge
        )
        if let length = request.headers[.contentLength].flatMap(Int.init), length > options.maxBodySize {
            return .refused(tooLarge)
        }
        do {
            let buffer = try await request.body.collect(upTo: options.maxBodySize)
            return .values(FormValues(urlEncoded: String(decoding: buffer.readableBytesView, as: UTF8.self)))
        } catch {
            return .refused(tooLarge)
        }
    }
}

/// A posted form: its values, or the page that refuses it.
enum FormSubmission {
    case values(FormValues)
    case refused(ConsolePage)
}
