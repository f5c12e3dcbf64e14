import Foundation

/// Messages on standard error.
enum Console {
    /// Prints `disco: message`, on one line.
    static func error(_ message: String) {
        let line = message.replacingOccurrences(of: "\n", with: " ")
        FileHandle.standardError.write(Data("disco: \(line)\n".utf8))
    }

    /// Prints a line on standard error.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
