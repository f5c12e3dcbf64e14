import Disco
import DiscoPostgres

/// A failure `disco` reports in one line: what is wrong and what to do.
struct ToolError: Error, CustomStringConvertible {
    /// The exit code of a usage error.
    static let usageExitCode: Int32 = 2

    let message: String
    let exitCode: Int32

    /// A failure of the command (exit code 1).
    init(_ message: String) {
        self.message = message
        self.exitCode = 1
    }

    private init(message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }

    /// A bad argument value (exit code 2).
    static func usage(_ message: String) -> ToolError {
        ToolError(message: message, exitCode: usageExitCode)
    }

    var description: String { message }

    /// One line for any error a store throws.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as EventStoreError: error.message
        case let error as PostgresStoreError: error.message
        case let error as ToolError: error.message
        default: "\(error)"
        }
    }
}
