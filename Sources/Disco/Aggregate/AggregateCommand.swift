import Foundation

/// A validated command for one aggregate type.
public protocol AggregateCommand: Sendable {
    /// The command's name, as in the spec: `create_wallet`.
    var name: String { get }

    /// Whether the command starts a new aggregate.
    var creates: Bool { get }

    /// The aggregate the command is for; `nil` for a creating command whose id is left to
    /// be generated.
    var aggregateID: UUID? { get }

    /// Checks the spec's rules on the command's typed values, with the messages the dynamic
    /// API reports for the same params: what the Swift types do not already guarantee.
    /// - Throws: ``ValidationErrors`` by param name, as `command(named:params:)` would.
    func validate() throws(ValidationErrors)
}
