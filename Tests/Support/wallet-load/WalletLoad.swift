import ArgumentParser
import Disco
import DiscoExamples
import DiscoPostgres
import Foundation

/// `wallet-load`: the workload of the PostgreSQL two-process test. Deposits into existing
/// wallets through an orchestrator, as one of several processes writing the same aggregates;
/// prints a JSON summary. Test support, not a user-facing tool.
@main
struct WalletLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wallet-load",
        abstract: "Deposit 1.0 into each wallet, --deposits times, retrying conflicts."
    )

    @Option(help: "postgres://user:password@host:port/database (default: $DISCO_POSTGRES_URL)")
    var url: String?

    @Option(help: "Comma-separated wallet ids (created beforehand).")
    var wallets: String

    @Option(help: "Deposits per wallet.")
    var deposits = 10

    @Option(help: "Concurrent callers.")
    var callers = 4

    func run() async throws {
        let ids = wallets.split(separator: ",").compactMap { UUID(uuidString: String($0)) }
        let store =
            if let url { try await PostgresEventStore.open(url: url) } else {
                try await PostgresEventStore.openFromEnvironment()
            }
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let total = deposits
        let conflicts = try await withThrowingTaskGroup(of: Int.self) { group in
            for caller in 0..<callers {
                group.addTask {
                    var conflicts = 0
                    for (index, id) in ids.enumerated() where index % callers == caller {
                        for _ in 0..<total {
                            while true {
                                do {
                                    try await orchestrator.dispatch("deposit", ["id": Value(id), "amount": 1.0])
                                    break
                                } catch DispatchError.conflict {
                                    conflicts += 1
                                }
                            }
                        }
                    }
                    return conflicts
                }
            }
            return try await group.reduce(0, +)
        }
        print(#"{"deposits":\#(ids.count * deposits),"conflict_retries":\#(conflicts)}"#)
        await store.close()
    }
}
