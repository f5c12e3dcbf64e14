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

    /// Prints why a spec file could not be read or checked: its diagnostics, or one line
    /// naming the file.
    static func specFailure(_ failure: any Error, file: String) {
        switch failure {
        case let diagnostics as Diagnostics:
            for diagnostic in diagnostics.all { Console.diagnostic(diagnostic) }
        case let failure as CocoaError
            where failure.code == .fileReadInapplicableStringEncoding || failure.code == .fileReadCorruptFile:
            error("\(file): the spec is not UTF-8 text")
        default:
            error("\(file): \(failure)")
        }
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
