import Disco
import Foundation

/// The committed stores under `Tests/Fixtures/Evolution/`, recorded by earlier versions of the
/// specs (see its README). Tests open copies, so that the committed files never change.
enum EvolutionFixture: String {
    /// BankAccount at its spec's version 1: `account_opened` v1 and `money_deposited`.
    case bankAccountV1 = "bank_account_v1"
    /// Wallet, whose spec has not changed since.
    case walletV1 = "wallet_v1"

    /// The committed folder.
    var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Evolution/\(rawValue)", isDirectory: true)
    }

    /// The committed `events.jsonl`.
    var eventsFile: URL { directory.appendingPathComponent("events.jsonl") }

    /// A copy of the committed folder in a new temporary folder.
    func copy() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("\(rawValue)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: directory, to: copy)
        return copy
    }

    /// The committed files' bytes, to check that nothing rewrote them.
    func contents() throws -> [String: Data] {
        var contents: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            contents[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return contents
    }
}
