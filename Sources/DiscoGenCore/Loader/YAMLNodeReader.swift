import Foundation
import Yams

/// Reads the shapes a spec is made of out of YAML nodes, reporting every mismatch with its
/// place in the file.
struct YAMLNodeReader {
    /// The spec file's path, as given.
    let file: String
    /// Where problems go.
    var diagnostics: DiagnosticList

    /// Where a node starts.
    func location(of node: Node) -> SourceLocation {
        let mark: Mark? =
            switch node {
            case .scalar(let scalar): scalar.mark
            case .mapping(let mapping): mapping.mark
            case .sequence(let sequence): sequence.mark
            case .alias(let alias): alias.mark
            }
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Where a scalar's text starts: after the opening quote of a quoted scalar.
    func contentLocation(of node: Node) -> SourceLocation {
        let start = location(of: node)
        guard case .scalar(let scalar) = node else { return start }
        switch scalar.style {
        case .singleQuoted, .doubleQuoted: return start.advanced(by: 1)
        default: return start
        }
    }

    /// The key and value pairs of a mapping, keys as located strings.
    mutating func mapping(_ node: Node, _ what: String) -> [(key: Located<String>, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            diagnostics.error("\(what) must be a mapping, found \(kind(of: node))", at: location(of: node))
            return nil
        }
        var entries: [(key: Located<String>, value: Node)] = []
        for (key, value) in mapping {
            guard let name = scalar(key, "a key in \(what)") else { continue }
            entries.append((Located(name.text, at: location(of: key)), value))
        }
        return entries
    }

    /// Reports keys that are not allowed, with a suggestion, and required keys that are missing.
    mutating func checkKeys(
        _ entries: [(key: Located<String>, value: Node)],
        allowed: [String],
        required: [String] = [],
        in what: String,
        at location: SourceLocation
    ) {
        for (key, _) in entries where !allowed.contains(key.value) {
            diagnostics.error(
                "unknown key '\(key.value)' in \(what)\(Suggestion.hint(for: key.value, in: allowed))",
                at: key.location
            )
        }
        for key in required where !entries.contains(where: { $0.key.value == key }) {
            diagnostics.error("\(what) is missing the required key '\(key)'", at: location)
        }
    }

    /// A scalar's text; an error for any other node, and for a scalar with a tag the spec
    /// language does not know (such as an expression starting with `!`).
    mutating func scalar(_ node: Node, _ what: String) -> ScalarText? {
        guard case .scalar(let scalar) = node else {
            diagnostics.error("\(what) must be a single value, found \(kind(of: node))", at: location(of: node))
            return nil
        }
        let tag = scalar.tag.rawValue
        if !tag.isEmpty, tag != "!", tag != "?", !tag.hasPrefix("tag:yaml.org,2002:") {
            let text = ([tag] + (scalar.string.isEmpty ? [] : [scalar.string])).joined(separator: " ")
            diagnostics.error(
                "YAML reads '\(tag)' as a tag, not as text; quote the value: \"\(text)\"",
                at: location(of: node)
            )
            return nil
        }
        let quoted = scalar.style != .plain && scalar.style != .any
        return ScalarText(scalar.string, isQuoted: quoted)
    }

    /// A located scalar's text.
    mutating func locatedText(_ node: Node, _ what: String) -> Located<String>? {
        scalar(node, what).map { Located($0.text, at: contentLocation(of: node)) }
    }

    /// A located scalar with its quoting.
    mutating func locatedScalar(_ node: Node, _ what: String) -> Located<ScalarText>? {
        scalar(node, what).map { Located($0, at: contentLocation(of: node)) }
    }

    /// `true` or `false`.
    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard let text = scalar(node, what) else { return nil }
        switch text.isQuoted ? "" : text.text {
        case "true": return true
        case "false": return false
        default:
            diagnostics.error("\(what) must be true or false, found '\(text.text)'", at: location(of: node))
            return nil
        }
    }

    /// A whole number.
    mutating func int(_ node: Node, _ what: String) -> Int? {
        guard let text = scalar(node, what) else { return nil }
        guard !text.isQuoted, let int = Int(text.text) else {
            diagnostics.error("\(what) must be a whole number, found '\(text.text)'", at: location(of: node))
            return nil
        }
        return int
    }

    /// A type of the spec language.
    mutating func type(_ node: Node, _ what: String) -> Located<SpecType>? {
        guard let text = scalar(node, what) else { return nil }
        guard let type = SpecType(parsing: text.text) else {
            diagnostics.error(Self.unknownTypeMessage(text.text), at: contentLocation(of: node))
            return nil
        }
        return Located(type, at: contentLocation(of: node))
    }

    /// `unknown type 'strng' in 'list<strng>'; did you mean 'string'?`, naming the innermost
    /// unknown part of a list or optional type.
    static func unknownTypeMessage(_ text: String) -> String {
        var inner = text.trimmingCharacters(in: .whitespaces)
        while true {
            if inner.hasSuffix("?") {
                inner = String(inner.dropLast())
            } else if inner.hasPrefix("list<"), inner.hasSuffix(">") {
                inner = String(inner.dropFirst(5).dropLast())
            } else {
                break
            }
        }
        let place = inner == text ? "'\(text)'" : "'\(inner)' in '\(text)'"
        let hint = Suggestion.hint(for: inner, in: SpecType.scalarNames.keys)
        let list = "uuid, string, int, double, decimal, bool, date, list<T> and T?"
        return "unknown type \(place)" + (hint.isEmpty ? "; the types are \(list)" : hint)
    }

    /// The elements of a sequence.
    mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            diagnostics.error("\(what) must be a list, found \(kind(of: node))", at: location(of: node))
            return nil
        }
        return Array(sequence)
    }

    /// `a mapping`, `a list`, `a value`: how messages name what they found.
    func kind(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): scalar.string.isEmpty ? "nothing" : "the value '\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
