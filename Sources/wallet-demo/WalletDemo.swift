import ArgumentParser
import Disco
import DiscoExamples
import Foundation

/// Replays the console session of the original Disco README against a JSON-lines store.
@main
struct WalletDemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wallet-demo",
        abstract: "Replay Disco's README session with the generated Wallet aggregate."
    )

    @Option(help: "The store folder; a new temporary folder when not given.", completion: .directory)
    var store: String?

    @Option(help: "The user whose wallets are created and listed; the same one every run by default.")
    var userId: String = "0b7c5a52-3f4e-4d0a-9b8e-2f1d6c9e8a41"

    func run() async throws {
        let directory = store.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? Self.temporaryDirectory()
        print("# store: \(directory.path)")
        let eventStore = try await JSONLinesEventStore.open(directory: directory)
        let orchestrator = try await Orchestrator.start([Wallet.self], store: eventStore)
        let session = Session(orchestrator: orchestrator, userID: userId.lowercased())
        do {
            try await session.replay()
        } catch {
            await eventStore.close()
            throw error
        }
        await eventStore.close()
    }

    private static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("wallet-demo-\(UUID().uuidString.prefix(8))")
    }
}

/// The session, one step a prompt, as in the original README. With the same store and user,
/// a second run lists the wallets of the first too.
struct Session {
    let orchestrator: Orchestrator

    let userID: String

    func replay() async throws {
        step("Orchestrator.start([Wallet.self])", "started")
        step("commands()", "\(await orchestrator.commands())")

        let created = try await orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 100.0])
        step(#"dispatch("create_wallet", {user_id: "\#(userID)", balance: 100.0})"#, "ok: \(created)")

        let id = try await orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 50.0], async: true)
        step(#"dispatch("create_wallet", {user_id: "\#(userID)", balance: 50.0}, async: true)"#, "ok: \(id.uuidString.lowercased())")
        await orchestrator.drain()

        await show(#"dispatch("create_wallet", {balance: 100.0})"#) {
            try await orchestrator.dispatch("create_wallet", ["balance": 100.0])
        }

        step("queries()", "\(await orchestrator.queries())")

        let wallets = try await orchestrator.query("list_wallets", ["user_id": .string(userID)])
        step(#"query("list_wallets", {user_id: "\#(userID)"})"#, "ok: \(wallets)")

        await show(#"query("list_wallets", {})"#) {
            try await orchestrator.query("list_wallets", [:])
        }

    }

    private func step(_ input: String, _ output: String) {
        print("iex> \(input)")
        print(output)
    }

    private func show<Result: CustomStringConvertible & Sendable>(
        _ input: String,
        _ body: () async throws -> Result
    ) async {
        do {
            step(input, "ok: \(try await body())")
        } catch {
            step(input, "error: \(error)")
        }
    }
}
