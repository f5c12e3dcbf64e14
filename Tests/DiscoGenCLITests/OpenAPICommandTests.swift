import Foundation
import Testing

/// `disco-gen openapi`: the document it writes, `--check`, and colliding specs.
@Suite struct OpenAPICommandTests {
    @Test func writesTheDocumentAndChecksIt() throws {
        let workspace = try DiscoGenProcess.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let arguments = ["openapi", "Specs/wallet.yml", "--output", "Docs/openapi/wallet.json"]
        let missing = try DiscoGenProcess.run(arguments + ["--check"], in: workspace)
        #expect(missing.status != 0)
        #expect(missing.standardOutput == "stale: Docs/openapi/wallet.json\n")
        let written = try DiscoGenProcess.run(arguments, in: workspace)
        #expect(written.status == 0, "\(written.standardError)")
        #expect(written.standardOutput == "wrote Docs/openapi/wallet.json\n")
        let data = try Data(contentsOf: workspace.appendingPathComponent("Docs/openapi/wallet.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: Any])
        #expect(
            paths.keys.sorted() == [
                "/aggregates/Wallet/{id}", "/commands", "/commands/create_wallet", "/commands/deposit",
                "/commands/withdraw", "/queries", "/queries/get_wallet", "/queries/list_wallets",
            ]
        )
        #expect(
            try DiscoGenProcess.run(arguments, in: workspace).standardOutput == "unchanged Docs/openapi/wallet.json\n"
        )
        #expect(try DiscoGenProcess.run(arguments + ["--check"], in: workspace).status == 0)
    }

    @Test func specsDefiningTheSameCommandFailNamingBoth() throws {
        let workspace = try DiscoGenProcess.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        try FileManager.default.copyItem(
            at: DiscoGenProcess.repository.appendingPathComponent("Specs/bank_account.yml"),
            to: workspace.appendingPathComponent("Specs/bank_account.yml")
        )
        let result = try DiscoGenProcess.run(["openapi", "Specs", "--output", "api.json"], in: workspace)
        #expect(result.status != 0)
        #expect(
            result.standardError.contains(
                "Specs/wallet.yml:14:3: error: command 'deposit' is also defined by BankAccount in Specs/bank_account.yml:"
            )
        )
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("api.json").path))
    }
}
