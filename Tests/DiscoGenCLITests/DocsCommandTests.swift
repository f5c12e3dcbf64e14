import Foundation
import Testing

/// `disco-gen docs`: the pages it writes, `--check`, and files left alone when unchanged.
@Suite struct DocsCommandTests {
    @Test func writesAPagePerAggregateAndAnIndex() throws {
        let workspace = try DiscoGenProcess.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let result = try DiscoGenProcess.run(["docs", "Specs", "--output-directory", "Docs/Aggregates"], in: workspace)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "wrote Docs/Aggregates/Wallet.md\nwrote Docs/Aggregates/README.md\n")
        let page = try String(
            contentsOf: workspace.appendingPathComponent("Docs/Aggregates/Wallet.md"),
            encoding: .utf8
        )
        #expect(page.contains("```mermaid\nflowchart LR"))
        #expect(page.contains("[`Specs/wallet.yml`](../../Specs/wallet.yml)"))
        #expect(page.contains(#"`amount <= state.balance` | `amount` | `"exceeds the balance"`"#))
    }

    @Test func checkNamesTheStalePagesAndAnUnchangedPageIsNotRewritten() throws {
        let workspace = try DiscoGenProcess.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let arguments = ["docs", "Specs/wallet.yml", "--output-directory", "Docs"]
        let missing = try DiscoGenProcess.run(arguments + ["--check"], in: workspace)
        #expect(missing.status != 0)
        #expect(missing.standardOutput == "stale: Docs/Wallet.md\nstale: Docs/README.md\n")
        #expect(missing.standardError.contains("2 documentation page(s) differ from their specs"))
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("Docs").path))

        _ = try DiscoGenProcess.run(arguments, in: workspace)
        let page = workspace.appendingPathComponent("Docs/Wallet.md")
        let written = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date
        let again = try DiscoGenProcess.run(arguments, in: workspace)
        #expect(again.standardOutput == "unchanged Docs/Wallet.md\nunchanged Docs/README.md\n")
        #expect(try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date == written)
        #expect(try DiscoGenProcess.run(arguments + ["--check"], in: workspace).status == 0)

        try Data("edited by hand\n".utf8).write(to: page)
        let stale = try DiscoGenProcess.run(arguments + ["--check"], in: workspace)
        #expect(stale.status != 0)
        #expect(stale.standardOutput == "stale: Docs/Wallet.md\n")
    }

    @Test func aBrokenSpecFailsWithItsPlace() throws {
        let workspace = try DiscoGenProcess.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let spec = workspace.appendingPathComponent("Specs/wallet.yml")
        let broken = try String(contentsOf: spec, encoding: .utf8).replacingOccurrences(
            of: "emit: money_deposited",
            with: "emit: money_deposite"
        )
        try Data(broken.utf8).write(to: spec)
        let result = try DiscoGenProcess.run(["docs", "Specs", "--output-directory", "Docs"], in: workspace)
        #expect(result.status != 0)
        #expect(result.standardError.contains("Specs/wallet.yml:"))
        #expect(result.standardError.contains("money_deposited"))
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("Docs").path))
    }
}
