import Foundation
import Testing

/// `disco-gen retire` through the built tool, on the bank account's spec of today
/// (`Specs/bank_account.yml`, account_opened at version 3 with steps from 1 and 2, and
/// funds_deposited renamed from money_deposited): once its stores were copied, the user removes
/// the old steps and the former name, and retiring takes them out of the lock.
@Suite struct RetireCommandTests {
    let workspace: URL

    init() throws {
        workspace = FileManager.default.temporaryDirectory.appendingPathComponent(
            "disco-gen-retire-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        for name in ["bank_account.yml", "bank_account.lock"] {
            try FileManager.default.copyItem(
                at: DiscoGenProcess.repository.appendingPathComponent("Specs/\(name)"),
                to: workspace.appendingPathComponent(name)
            )
        }
    }

    func lock() throws -> String {
        try String(contentsOf: workspace.appendingPathComponent("bank_account.lock"), encoding: .utf8)
    }

    /// Removes the step from version 1 of account_opened and the former name of funds_deposited.
    func removeTheOldSteps() throws {
        let spec = workspace.appendingPathComponent("bank_account.yml")
        var text = try String(contentsOf: spec, encoding: .utf8)
        for old in [
            "      - from: 1\n        fields: { owner: string, overdraft_limit: decimal }\n        with: { currency: \"'EUR'\" }\n",
            "    renamed_from: [money_deposited]\n",
        ] {
            #expect(text.contains(old), "the spec no longer has \(old)")
            text = text.replacingOccurrences(of: old, with: "")
        }
        try text.write(to: spec, atomically: true, encoding: .utf8)
    }

    @Test func nothingIsRetiredWhileTheSpecReadsEveryRecordedVersion() throws {
        defer { try? FileManager.default.removeItem(at: workspace) }
        let before = try lock()
        let run = try DiscoGenProcess.run(["retire", "bank_account.yml"], in: workspace)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("nothing to retire"))
        #expect(try lock() == before)
    }

    @Test func retiringTakesWhatTheSpecNoLongerReadsOutOfTheLock() throws {
        defer { try? FileManager.default.removeItem(at: workspace) }
        try removeTheOldSteps()
        let before = try lock()

        // Without retiring, the lock still holds version 1 and money_deposited: the spec is refused.
        let refused = try DiscoGenProcess.run(["validate", "bank_account.yml"], in: workspace)
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("has no upcast step from version 1"))
        #expect(refused.standardError.contains("run `disco-gen retire`"), "\(refused.standardError)")
        #expect(refused.standardError.contains("records event type 'money_deposited'"))

        let dryRun = try DiscoGenProcess.run(["retire", "bank_account.yml", "--dry-run"], in: workspace)
        #expect(dryRun.status == 0, "\(dryRun.standardError)")
        #expect(
            dryRun.standardOutput
                == """
                would retire version 1 of event 'account_opened' from bank_account.lock
                would retire event type 'money_deposited' (version 1) from bank_account.lock

                """
        )
        #expect(try lock() == before)

        let retired = try DiscoGenProcess.run(["retire", "bank_account.yml"], in: workspace)
        #expect(retired.status == 0, "\(retired.standardError)")
        #expect(retired.standardOutput.contains("wrote bank_account.lock"))
        let after = try lock()
        #expect(!after.contains("money_deposited"))
        #expect(!after.contains("    1:\n      overdraft_limit: decimal\n      owner: string\n"))
        #expect(after.contains("    2:\n      currency: string\n      overdraft_limit: decimal\n      owner: string\n"))

        let valid = try DiscoGenProcess.run(["validate", "bank_account.yml"], in: workspace)
        #expect(valid.status == 0, "\(valid.standardError)")
        let generated = try DiscoGenProcess.run(["bank_account.yml"], in: workspace)
        #expect(generated.status == 0, "\(generated.standardError)")
        let source = try String(
            contentsOf: workspace.appendingPathComponent("BankAccount.generated.swift"),
            encoding: .utf8
        )
        #expect(source.contains("guard schemaVersion >= 2 else {"))
    }

    @Test func aSpecWithoutALockHasNothingToRetire() throws {
        defer { try? FileManager.default.removeItem(at: workspace) }
        try FileManager.default.removeItem(at: workspace.appendingPathComponent("bank_account.lock"))
        let run = try DiscoGenProcess.run(["retire", "bank_account.yml"], in: workspace)
        #expect(run.status != 0)
        #expect(run.standardError.contains("has no lock file"), "\(run.standardError)")
    }
}
