/// Writes a ``FlowDiagram`` as a Mermaid flowchart, which GitHub renders in a ```` ```mermaid ````
/// block: commands as rounded boxes, events as hexagons, state fields as cylinders, left to right.
public struct MermaidRenderer: Sendable {
    /// A renderer.
    public init() {}

    /// The flowchart's lines, without the enclosing code fence.
    public func render(_ diagram: FlowDiagram) -> [String] {
        var lines = ["flowchart LR"]
        for kind in FlowDiagram.Kind.allCases {
            let nodes = diagram.nodes.filter { $0.kind == kind }
            guard !nodes.isEmpty else { continue }
            lines.append("    subgraph \(Self.groupID(kind))[\"\(Self.groupTitle(kind))\"]")
            for node in nodes { lines.append("        " + Self.declaration(node)) }
            lines.append("    end")
        }
        for edge in diagram.edges {
            let arrow = edge.isConditional ? " -. when .-> " : " --> "
            lines.append("    " + Self.id(edge.from) + arrow + Self.id(edge.to))
        }
        return lines
    }

    /// A node's id: its kind's prefix and its snake_case name, so that names never clash with
    /// each other or with Mermaid's keywords (`end`).
    static func id(_ node: FlowDiagram.Node) -> String {
        let prefix =
            switch node.kind {
            case .command: "command_"
            case .event: "event_"
            case .stateField: "state_"
            }
        return prefix
            + node.name.unicodeScalars.map { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) ? String(scalar) : "_"
            }.joined()
    }

    private static func declaration(_ node: FlowDiagram.Node) -> String {
        let label = "\"" + escape(node.label ?? node.name) + "\""
        return switch node.kind {
        case .command: id(node) + "(" + label + ")"
        case .event: id(node) + "{{" + label + "}}"
        case .stateField: id(node) + "[(" + label + ")]"
        }
    }

    private static func groupID(_ kind: FlowDiagram.Kind) -> String {
        switch kind {
        case .command: "commands"
        case .event: "events"
        case .stateField: "state"
        }
    }

    private static func groupTitle(_ kind: FlowDiagram.Kind) -> String {
        switch kind {
        case .command: "Commands"
        case .event: "Events"
        case .stateField: "State"
        }
    }

    /// A label's text with Mermaid's entity codes for the characters that end or break a label.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\"": escaped += "#quot;"
            case "#": escaped += "#35;"
            case "<": escaped += "#lt;"
            case ">": escaped += "#gt;"
            case _ where character.isNewline || character == "\t": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
