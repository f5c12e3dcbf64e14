import Foundation

/// What a command's decision may read besides the state and the params.
public struct CommandContext: Sendable {
    /// The time the command is handled: `now` in spec expressions.
    public var now: Date

    /// A context at a given time.
    public init(now: Date = Date()) {
        self.now = now
    }
}
