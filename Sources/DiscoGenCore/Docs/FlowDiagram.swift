/// A diagram of an aggregate's flow: each command to the events it may emit, each event to the
/// state fields it sets. Rendered as a Mermaid flowchart by ``MermaidRenderer``.
public struct FlowDiagram: Sendable, Hashable {
    /// What a node stands for.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A command.
        case command
        /// An event.
        case event
        /// A state field.
        case stateField
    }

    /// A box of the diagram.
    public struct Node: Sendable, Hashable {
        /// What it stands for.
        public var kind: Kind
        /// The spec's name of the command, event or field.
        public var name: String
        /// The text shown, when it is more than the name.
        public var label: String?
    }

    /// An arrow of the diagram.
    public struct Edge: Sendable, Hashable {
        /// Where it starts.
        public var from: Node
        /// Where it ends.
        public var to: Node
        /// Whether it happens only under a condition (a dashed arrow labelled `when`).
        public var isConditional: Bool
    }

    /// The nodes: commands, then events, then state fields, each in spec order.
    public var nodes: [Node]
    /// The arrows: each command's emissions in order, then each event's state changes in order.
    public var edges: [Edge]
}
