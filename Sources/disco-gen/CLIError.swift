/// A failure of the command line that is not a spec problem, printed as `error: message`.
struct CLIError: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
