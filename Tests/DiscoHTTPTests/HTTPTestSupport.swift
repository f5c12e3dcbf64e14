import Disco
import DiscoExamples
import DiscoHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A wallet orchestrator behind DiscoHTTP's router, tested through Hummingbird's router
/// test framework.
struct WalletHTTP {
    let orchestrator: Orchestrator
    let store: any EventStore
    let router: Router<BasicRequestContext>

    init(
        store: any EventStore = InMemoryEventStore(),
        options: DiscoHTTPOptions = DiscoHTTPOptions(),
        authentication: (any MiddlewareProtocol<Request, Response, BasicRequestContext>)? = nil
    ) async throws {
        self.store = store
        self.orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        self.router = DiscoHTTPServer.router(orchestrator, options: options, authentication: authentication)
    }

    /// Runs requests against the router.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: router)
        try await app.test(.router) { client in try await body(client) }
    }
}

/// A parsed JSON response body.
func json(_ response: TestResponse) throws -> Value {
    try JSON.decode(Array(response.body.readableBytesView))
}

/// A body of JSON text.
func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

/// The object members of a JSON value.
extension Value {
    subscript(key: String) -> Value? { objectValue?[key] }
}

let userID = "0b7c5a52-3f4e-4d0a-9b8e-2f1d6c9e8a41"

/// A parsed JSON response body; `null` when it is not JSON.
func decoded(_ response: TestResponse) -> Value {
    (try? json(response)) ?? .null
}
