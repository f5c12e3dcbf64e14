import DiscoGenCore
import Foundation

/// Where the tool's messages go.
enum Console {
    /// Prints a diagnostic on standard error.
    static func diagnostic(_ diagnostic: Diagnostic) {
        printError(diagnostic.description)
    }

    /// Prints `error: message` on standard error.
    static func error(_ message: String) {
        printError("error: \(message)")
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
