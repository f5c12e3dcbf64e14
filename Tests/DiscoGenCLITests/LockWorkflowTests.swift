import Foundation
import Testing

/// The lock file through the built `disco-gen`, with the bank account's spec as it evolved
/// (`Tests/Fixtures/Evolution/specs/`): generating creates and extends the lock, a change that
/// would strand recorded events is an error at the spec line, and `--check` and `validate`
/// fail on a stale lock while the read-only mode of the build plugin only warns.
@Suite struct LockWorkflowTests {
    static let specs = DiscoGenProcess.repository.appendingPathComponent("Tests/Fixtures/Evolution/specs")

    /// A new empty folder.
    func workspace() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "disco-gen-lock-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    func use(_ source: URL, in workspace: URL) throws {
        let spec = workspace.appendingPathComponent("bank_account.yml")
        try? FileManager.default.removeItem(at: spec)
        try FileManager.default.copyItem(at: source, to: spec)
    }

    func edit(_ workspace: URL, _ change: (String) -> String) throws {
        let spec = workspace.appendingPathComponent("bank_account.yml")
        try change(try String(contentsOf: spec, encoding: .utf8)).write(to: spec, atomically: true, encoding: .utf8)
    }

    func lock(_ workspace: URL) throws -> String {
        try String(contentsOf: workspace.appendingPathComponent("bank_account.lock"), encoding: .utf8)
    }

    @Test func generatingCreatesThenExtendsTheLock() throws {
        let workspace = try workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        try use(Self.specs.appendingPathComponent("bank_account.v1.yml"), in: workspace)
        let first = try DiscoGenProcess.run(["bank_account.yml"], in: workspace)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput == "wrote BankAccount.generated.swift\nwrote bank_account.lock\n")
        #expect(
            try lock(workspace)
                == String(contentsOf: Self.specs.appendingPathComponent("bank_account.v1.lock"), encoding: .utf8)
        )

        try use(Self.specs.appendingPathComponent("bank_account.v2.yml"), in: workspace)
        let stale = try DiscoGenProcess.run(["bank_account.yml", "--check"], in: workspace)
        #expect(stale.status != 0)
        #expect(stale.standardOutput.contains("stale: bank_account.lock"))
        #expect(
            stale.standardError.contains(
                "bank_account.yml:60:15: error: the lock bank_account.lock does not record version 2 of event 'account_opened'"
            ),
            "\(stale.standardError)"
        )
        let invalid = try DiscoGenProcess.run(["validate", "bank_account.yml"], in: workspace)
        #expect(invalid.status != 0)

        let second = try DiscoGenProcess.run(["bank_account.yml"], in: workspace)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(
            try lock(workspace)
                == String(contentsOf: Self.specs.appendingPathComponent("bank_account.v2.lock"), encoding: .utf8)
        )
        #expect(try DiscoGenProcess.run(["bank_account.yml", "--check"], in: workspace).status == 0)

        try use(DiscoGenProcess.repository.appendingPathComponent("Specs/bank_account.yml"), in: workspace)
        #expect(try DiscoGenProcess.run(["bank_account.yml"], in: workspace).status == 0)
        #expect(
            try lock(workspace)
                == String(
                    contentsOf: DiscoGenProcess.repository.appendingPathComponent("Specs/bank_account.lock"),
                    encoding: .utf8
                )
        )
        #expect(try DiscoGenProcess.run(["validate", "bank_account.yml"], in: workspace).status == 0)
    }

    /// A workspace at v2 with its lock.
    func workspaceAtVersionTwo() throws -> URL {
        let workspace = try workspace()
        try use(Self.specs.appendingPathComponent("bank_account.v2.yml"), in: workspace)
        try FileManager.default.copyItem(
            at: Self.specs.appendingPathComponent("bank_account.v2.lock"),
            to: workspace.appendingPathComponent("bank_account.lock")
        )
        return workspace
    }

    @Test func changingARecordedVersionsFieldsIsAnErrorAtTheSpecLine() throws {
        let workspace = try workspaceAtVersionTwo()
        defer { try? FileManager.default.removeItem(at: workspace) }
        try edit(workspace) {
            $0.replacingOccurrences(
                of: "  money_withdrawn:\n    fields: { amount: decimal }",
                with: "  money_withdrawn:\n    fields: { amount: double }"
            )
            .replacingOccurrences(
                of: "  withdraw:\n    params:\n      amount: { type: decimal",
                with: "  withdraw:\n    params:\n      amount: { type: double"
            )
        }
        let lockBefore = try lock(workspace)
        let result = try DiscoGenProcess.run(["bank_account.yml"], in: workspace)
        #expect(result.status != 0)
        #expect(
            result.standardError.contains(
                "bank_account.yml:70:15: error: the fields of version 1 of event 'money_withdrawn' changed since the lock bank_account.lock recorded them (recorded: amount: decimal; now: amount: double)"
            ),
            "\(result.standardError)"
        )
        #expect(result.standardError.contains("raise 'version' to 2 and add an upcast step `- from: 1`"))
        #expect(try lock(workspace) == lockBefore)
        #expect(
            !FileManager.default.fileExists(
                atPath: workspace.appendingPathComponent("BankAccount.generated.swift").path
            )
        )
    }

    @Test func removingARecordedEventIsAnError() throws {
        let workspace = try workspaceAtVersionTwo()
        defer { try? FileManager.default.removeItem(at: workspace) }
        try edit(workspace) {
            $0.replacingOccurrences(of: "    emit: account_unfrozen\n", with: "    emit: account_frozen\n")
                .replacingOccurrences(of: "  account_unfrozen:\n    apply: { frozen: false }\n", with: "")
        }
        let result = try DiscoGenProcess.run(["bank_account.yml"], in: workspace)
        #expect(result.status != 0)
        #expect(
            result.standardError.contains(
                "error: the lock bank_account.lock records event type 'account_unfrozen', which the spec no longer has"
            ),
            "\(result.standardError)"
        )
    }

    @Test func aVersionGoingDownIsAnError() throws {
        let workspace = try workspaceAtVersionTwo()
        defer { try? FileManager.default.removeItem(at: workspace) }
        try use(Self.specs.appendingPathComponent("bank_account.v1.yml"), in: workspace)
        let result = try DiscoGenProcess.run(["validate", "bank_account.yml"], in: workspace)
        #expect(result.status != 0)
        #expect(
            result.standardError.contains(
                "bank_account.yml:56:3: error: event 'account_opened' is at version 1, but the lock bank_account.lock records version 2: a version may not go down"
            ),
            "\(result.standardError)"
        )
    }

    @Test func theBuildPluginsReadOnlyModeWarnsAndWritesNoLock() throws {
        let workspace = try workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        try use(Self.specs.appendingPathComponent("bank_account.v1.yml"), in: workspace)
        let result = try DiscoGenProcess.run(["generate", "bank_account.yml", "--lock-read-only"], in: workspace)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "wrote BankAccount.generated.swift\n")
        #expect(
            result.standardError.contains(
                "warning: the spec has no lock file bank_account.lock yet; the build plugin never writes it: run `swift package --allow-writing-to-package-directory generate-aggregates`"
            ),
            "\(result.standardError)"
        )
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("bank_account.lock").path))
    }
}
