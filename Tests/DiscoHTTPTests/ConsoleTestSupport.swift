import Disco
import DiscoExamples
import DiscoHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// An orchestrator behind DiscoHTTP's router with the console enabled (or not), tested
/// through Hummingbird's router test framework.
struct ConsoleHTTP {
    let orchestrator: Orchestrator
    let store: any EventStore
    let router: Router<BasicRequestContext>

    init(
        _ aggregates: [any Aggregate.Type] = [Wallet.self],
        document: Data? = repositoryFile("Docs/openapi/wallet.json"),
        store: any EventStore = InMemoryEventStore(),
        console: Bool = true
    ) async throws {
        self.store = store
        let orchestrator = try await Orchestrator.start(aggregates, store: store)
        self.orchestrator = orchestrator
        self.router = DiscoHTTPServer.router(
            orchestrator,
            document: document,
            console: console ? DiscoConsole(orchestrator, store: store, document: document) : nil
        )
    }

    /// Runs requests against the router.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: router)
        try await app.test(.router) { client in try await body(client) }
    }
}

/// A file of the repository, read from beside this test file.
func repositoryFile(_ path: String) -> Data? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return try? Data(contentsOf: root.appendingPathComponent(path))
}

/// The headers a browser sends with a form posted from a console page (the router tests'
/// host is `localhost`).
let formHeaders: HTTPFields = [
    .contentType: "application/x-www-form-urlencoded",
    .origin: "http://localhost",
    HTTPField.Name("Sec-Fetch-Site")!: "same-origin",
]

/// A form body, URL-encoded as a browser encodes it.
func form(_ pairs: KeyValuePairs<String, String>) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let encoded = pairs.map { name, value in
        let name = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
        let value = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
        return "\(name)=\(value)"
    }
    return ByteBuffer(string: encoded.joined(separator: "&"))
}

/// The text of a response body.
func text(_ response: TestResponse) -> String {
    String(decoding: response.body.readableBytesView, as: UTF8.self)
}

/// The start tag of the form control of a param (`<input …>`, `<select …>`, `<textarea …>`).
func control(_ page: String, _ name: String) -> String? {
    let marker = #"id="input-\#(name)""#
    guard let marker = page.range(of: marker),
        let start = page[..<marker.lowerBound].range(of: "<", options: .backwards),
        let end = page[marker.upperBound...].firstIndex(of: ">")
    else { return nil }
    return String(page[start.lowerBound...end])
}

/// The block of one field of a form: its label, control, hint and messages.
func field(_ page: String, _ name: String) -> String? {
    guard let start = page.range(of: #"data-field="\#(name)""#),
        let end = page[start.upperBound...].range(of: "</div>")
    else { return nil }
    return String(page[start.lowerBound..<end.lowerBound])
}
