import ArgumentParser
import Disco
import DiscoExamples
import DiscoHTTP
import Foundation
import Hummingbird
import Logging

/// Serves the wallet spec over HTTP: the original Disco README session as curl calls
/// (README.md, Docs/HTTP.md).
@main
struct WalletServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wallet-server",
        abstract: "Serve the Wallet aggregate over HTTP on 127.0.0.1, with a JSON-lines store."
    )

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @Option(help: "The address to listen on; loopback only unless you say otherwise.")
    var host: String = "127.0.0.1"

    @Option(help: "The store folder; a new temporary folder when not given.", completion: .directory)
    var store: String?

    @Flag(help: "Serve the web console at /console (forms for the commands and queries, the streams, live events).")
    var console = false

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, not \(port)")
        }
    }

    func run() async throws {
        let directory = store.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? Self.temporaryDirectory()
        let eventStore: JSONLinesEventStore
        do {
            eventStore = try await JSONLinesEventStore.open(directory: directory)
        } catch {
            throw ServerError("cannot open the store at \(directory.path): \(error)")
        }
        do {
            let orchestrator = try await Orchestrator.start([Wallet.self], store: eventStore)
            let document = try Self.document()
            let router = DiscoHTTPServer.router(
                orchestrator,
                document: document,
                console: console ? DiscoConsole(orchestrator, store: eventStore, document: document) : nil
            )
            var logger = Logger(label: "wallet-server")
            logger.logLevel = .info
            let app = DiscoHTTPServer.application(router: router, host: host, port: port, logger: logger)
            logger.info("store: \(directory.path)")
            try await app.runService()
            await orchestrator.drain()
        } catch {
            await eventStore.close()
            throw error
        }
        await eventStore.close()
    }

    /// The OpenAPI document of Specs/wallet.yml, as `disco-gen openapi` wrote it.
    private static func document() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw ServerError("the OpenAPI document is missing from the build; rebuild wallet-server")
        }
        return try Data(contentsOf: url)
    }

    private static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("wallet-server-\(UUID().uuidString.prefix(8))")
    }
}

/// A reason wallet-server cannot start, printed as one line.
struct ServerError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
