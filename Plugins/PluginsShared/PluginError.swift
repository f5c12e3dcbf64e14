import Foundation

/// A mistake in how a target is set up for disco-gen, with a message that says how to fix it,
/// and the file it is about when there is one.
struct PluginError: Error, CustomStringConvertible, LocalizedError {
    let message: String
    let file: URL?
    let line: Int?

    /// - Parameters:
    ///   - message: What is wrong and how to fix it.
    ///   - file: The file the mistake is in, so the build log shows the error on it.
    ///   - line: The line in that file.
    init(_ message: String, file: URL? = nil, line: Int? = nil) {
        self.message = message
        self.file = file
        self.line = line
    }

    /// `file:line:1: message`, or the message alone.
    var description: String {
        guard let file else { return message }
        return "\(file.path(percentEncoded: false)):\(line ?? 1):1: \(message)"
    }

    var errorDescription: String? { description }
}

import PackagePlugin

extension PluginError {
    /// Reports the error to SwiftPM, on the file it is about when there is one, so IDEs show it
    /// there; the text starts with `file:line:1:` too, for the command-line build log.
    func report() {
        Diagnostics.error(description, file: file?.path(percentEncoded: false), line: file == nil ? nil : line ?? 1)
    }
}
