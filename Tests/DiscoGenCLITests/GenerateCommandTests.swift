import Foundation
import Testing

/// The built `disco-gen` on good and broken specs: output, files and exit codes.
@Suite struct GenerateCommandTests {
    @Test func generatesTheWalletIntoTheCurrentFolder() throws {
        let workspace = try DiscoGenProcess.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let result = try DiscoGenProcess.run(["Specs/wallet.yml"], in: workspace)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "wrote Wallet.generated.swift\n")
        let generated = try String(contentsOf: workspace.appendingPathComponent("Wallet.generated.swift"), encoding: .utf8)
        #expect(generated.contains("struct Wallet: Aggregate"))
        #expect(generated.contains(#"#sourceLocation(file: "Specs/wallet.yml", line: 22)"#))
    }

    @Test func writesOnlyWhenTheContentChanged() throws {
        let workspace = try DiscoGenProcess.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let arguments = ["Specs/wallet.yml", "--output-directory", "Generated"]
        #expect(try DiscoGenProcess.run(arguments, in: workspace).standardOutput == "wrote Generated/Wallet.generated.swift\n")
        let file = workspace.appendingPathComponent("Generated/Wallet.generated.swift")
        let firstDate = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        let second = try DiscoGenProcess.run(arguments, in: workspace)
        #expect(second.status == 0)
        #expect(second.standardOutput == "unchanged Generated/Wallet.generated.swift\n")
        let secondDate = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        #expect(firstDate == secondDate)
    }

    @Test func checkFailsOnStaleOutputAndPassesWhenFresh() throws {
        let workspace = try DiscoGenProcess.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let stale = try DiscoGenProcess.run(["Specs", "--check"], in: workspace)
        #expect(stale.status != 0)
        #expect(stale.standardOutput.contains("stale: Wallet.generated.swift"))
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("Wallet.generated.swift").path))
        _ = try DiscoGenProcess.run(["Specs"], in: workspace)
        let fresh = try DiscoGenProcess.run(["Specs", "--check"], in: workspace)
        #expect(fresh.status == 0, "\(fresh.standardError)")
    }

    @Test func aBrokenSpecReportsEveryErrorWithItsPlaceAndWritesNothing() throws {
        let workspace = try DiscoGenProcess.workspace(withLock: false)
        defer { try? FileManager.default.removeItem(at: workspace) }
        let broken = """
            aggregate: Wallet
            state:
              owner: strin
              balance: double
            commands:
              deposit:
                parms:
                  amount: double
                emit: money_deposited
            events:
              money_deposited:
                fields: { amount: double }
                apply: { balance: state.balance + amout }
            """
        try Data(broken.utf8).write(to: workspace.appendingPathComponent("Specs/wallet.yml"))
        let result = try DiscoGenProcess.run(["Specs/wallet.yml"], in: workspace)
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "Specs/wallet.yml:1:12: warning: no command has 'creates: true', so no Wallet can ever exist and every command fails with not found",
                "Specs/wallet.yml:3:10: error: unknown type 'strin'; did you mean 'string'?",
                "Specs/wallet.yml:7:5: error: unknown key 'parms' in command 'deposit'; did you mean 'params'?",
                "Specs/wallet.yml:9:11: error: command 'deposit' cannot fill the field 'amount' of event 'money_deposited': it has no param 'amount'; add the param or fill it with `with: { amount: ... }`",
                "Specs/wallet.yml:13:39: error: unknown name 'amout'; did you mean 'amount'?",
            ],
            "\(result.standardError)"
        )
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("Wallet.generated.swift").path))
    }

    @Test func aSpecThatIsNotUTF8IsNamedInOneLineByEverySubcommand() throws {
        let workspace = try DiscoGenProcess.workspace(withLock: false)
        defer { try? FileManager.default.removeItem(at: workspace) }
        try Data([0xFF, 0xFE, 0x61]).write(to: workspace.appendingPathComponent("Specs/wallet.yml"))
        for arguments in [["Specs/wallet.yml"], ["validate", "Specs/wallet.yml"], ["docs", "Specs/wallet.yml"]] {
            let result = try DiscoGenProcess.run(arguments, in: workspace)
            #expect(result.status == 1)
            #expect(result.standardError == "error: Specs/wallet.yml: the spec is not UTF-8 text\n", "\(arguments)")
        }
    }

    @Test func validateChecksWithoutWriting() throws {
        let workspace = try DiscoGenProcess.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let result = try DiscoGenProcess.run(["validate", "Specs/wallet.yml"], in: workspace)
        #expect(result.status == 0)
        #expect(result.standardOutput == "1 spec(s) are valid.\n")
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("Wallet.generated.swift").path))
    }

    @Test func aMissingFileIsAClearError() throws {
        let workspace = try DiscoGenProcess.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let result = try DiscoGenProcess.run(["Specs/walet.yml"], in: workspace)
        #expect(result.status == 1)
        #expect(result.standardError == "error: no such spec file or folder: Specs/walet.yml\n")
    }

    @Test func helpAndVersion() throws {
        let workspace = try DiscoGenProcess.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let version = try DiscoGenProcess.run(["--version"], in: workspace)
        #expect(version.status == 0)
        #expect(version.standardOutput == "0.1.0\n")
        let help = try DiscoGenProcess.run(["--help"], in: workspace)
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("Generate event-sourced Swift aggregates from YAML specs."))
        #expect(help.standardOutput.contains("validate"))
    }

    @Test func theBinaryWorksWhenCopiedAlone() throws {
        let workspace = try DiscoGenProcess.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let copy = workspace.appendingPathComponent("disco-gen")
        try FileManager.default.copyItem(at: DiscoGenProcess.executable, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["Specs/wallet.yml"]
        process.currentDirectoryURL = workspace
        process.standardOutput = FileHandle.nullDevice
        // A process another test starts while the copy is still open for writing inherits that
        // descriptor until it execs, and Linux refuses to run a file open for writing
        // (ETXTBSY, "Text file busy"): try again for a moment.
        var attempts = 0
        while true {
            do {
                try process.run()
                break
            } catch let error as NSError where Self.isTextFileBusy(error) && attempts < 50 {
                attempts += 1
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("Wallet.generated.swift").path))
    }

    /// Whether an error of `Process.run()` is ETXTBSY, directly or as the underlying error.
    static func isTextFileBusy(_ error: NSError) -> Bool {
        if error.domain == NSPOSIXErrorDomain && error.code == Int(ETXTBSY) { return true }
        guard let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError else { return false }
        return isTextFileBusy(underlying)
    }
}
