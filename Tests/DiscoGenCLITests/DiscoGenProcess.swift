import Foundation

/// Runs the built `disco-gen` binary, as a user would from a shell.
struct DiscoGenProcess {
    /// What one run printed and how it ended.
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The binary SwiftPM built next to this test bundle.
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("disco-gen")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("disco-gen")
    }

    /// Runs disco-gen with arguments in a folder.
    static func run(_ arguments: [String], in directory: URL) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }

    /// The repository's root folder.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A new empty folder holding `Specs/wallet.yml` and its committed lock `Specs/wallet.lock`,
    /// copied from the repository (without the lock when `withLock` is false).
    static func workspace(withLock: Bool = true) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("disco-gen-cli-\(UUID().uuidString)")
        let specs = directory.appendingPathComponent("Specs")
        try FileManager.default.createDirectory(at: specs, withIntermediateDirectories: true)
        for name in withLock ? ["wallet.yml", "wallet.lock"] : ["wallet.yml"] {
            try FileManager.default.copyItem(
                at: repository.appendingPathComponent("Specs/\(name)"), to: specs.appendingPathComponent(name))
        }
        return directory
    }
}
