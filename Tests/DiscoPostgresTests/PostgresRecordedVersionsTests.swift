import Disco
import DiscoExamples
import DiscoPostgres
import Foundation
import Testing

/// The committed stores of earlier spec versions (Tests/Fixtures/Evolution), imported into
/// PostgreSQL as they were recorded, open there with today's code.
@Suite(
    "Stores of earlier spec versions on PostgreSQL",
    .enabled(if: PostgresTestEnvironment.shouldRun, PostgresTestEnvironment.skipReason),
    .timeLimit(.minutes(2))
)
struct PostgresRecordedVersionsTests {
    /// Imports a committed fixture store, every envelope as recorded (old versions included),
    /// and starts an orchestrator of `aggregates` on it.
    static func withFixture<Result>(
        _ name: String,
        _ aggregates: [any Aggregate.Type],
        _ body: (Orchestrator, PostgresEventStore) async throws -> Result
    ) async throws -> Result {
        let committed = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Evolution/\(name)", isDirectory: true)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: committed, to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await PostgresTestEnvironment.withStore { store, _ in
            let source = try await JSONLinesEventStore.open(directory: directory)
            let report: EventStoreCopyReport
            do {
                report = try await EventStoreCopier().copy(from: source, to: store)
                await source.close()
            } catch {
                await source.close()
                throw error
            }
            #expect(report.upcast == 0 && report.preservedEnvelopes)
            let orchestrator = try await Orchestrator.start(aggregates, store: store)
            return try await body(orchestrator, store)
        }
    }

    @Test("a wallet store recorded by an earlier build opens with the same states")
    func walletStoreOfAnEarlierBuild() async throws {
        try await Self.withFixture("wallet_v1", [Wallet.self]) { orchestrator, _ in
            let wallets = try await orchestrator.query(
                "list_wallets",
                ["user_id": "0b7c5a52-3f4e-4d0a-9b8e-2f1d6c9e8a41"]
            )
            #expect(wallets.states.map { $0["balance"] } == [.double(85), .double(50)])
            #expect(wallets.states.map(\.version) == [3, 1])
        }
    }

    @Test("a bank account store of version-1 events opens with today's spec")
    func bankAccountStoreOfVersionOne() async throws {
        try await Self.withFixture("bank_account_v1", [BankAccount.self]) { orchestrator, store in
            let ada = try #require(
                try await orchestrator.query("accounts_of_owner", ["owner": "Ada Lovelace"]).states.first
            )
            #expect(ada["currency"] == "EUR")
            #expect(ada["balance"] == .decimal(Decimal(string: "-39.5")!))
            #expect(ada.version == 5)
            #expect(try await orchestrator.query("frozen_accounts", [:]).states.map { $0["owner"] } == ["Grace Hopper"])
            let recorded = try await store.readAll(after: 0, limit: 100)
            #expect(recorded.filter { $0.eventType == "money_deposited" }.count == 4)
        }
    }
}
