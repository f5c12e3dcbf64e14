import Foundation
import Yams

/// The first stage: reads a spec's YAML into a ``Spec``, keeping every node's place.
///
/// It checks the shape of the document (which keys exist, which values are mappings, lists
/// or single values); what the names and expressions mean is the ``SpecChecker``'s job.
public struct SpecLoader: Sendable {
    /// A loader.
    public init() {}

    /// Reads one spec.
    /// - Parameters:
    ///   - yaml: The spec's text.
    ///   - file: The spec's path, as it should appear in diagnostics.
    ///   - diagnostics: Where problems go.
    /// - Returns: The spec, or `nil` when its shape is too broken to go on.
    public func load(yaml: String, file: String, diagnostics: inout DiagnosticList) -> Spec? {
        var reader = YAMLNodeReader(file: file, diagnostics: DiagnosticList())
        defer { for diagnostic in reader.diagnostics.diagnostics { diagnostics.emit(diagnostic) } }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                reader.diagnostics.error("the spec is empty", at: SourceLocation(file: file, line: 1, column: 1))
                return nil
            }
            root = node
        } catch {
            reader.diagnostics.emit(Self.diagnostic(for: error, file: file, yaml: yaml))
            return nil
        }
        return reader.spec(root)
    }

    /// Turns a YAML syntax error into a diagnostic at its place.
    static func diagnostic(for error: Error, file: String, yaml: String) -> Diagnostic {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let error = error as? YamlError else {
            return .error("cannot read the YAML: \(error)", at: start)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .error(
                "invalid YAML: \(detail)",
                at: SourceLocation(file: file, line: mark.line, column: mark.column)
            )
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            let mappingStart = SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
            let location = duplicates.sorted().first
                .flatMap { secondOccurrence(of: $0, in: yaml, after: mappingStart) } ?? mappingStart
            return .error("duplicate key \(keys): each name may appear once", at: location)
        case .reader(let problem, _, _, _):
            return .error("cannot read the file: \(problem)", at: start)
        default:
            return .error("cannot read the YAML: \(error)", at: start)
        }
    }
}

extension SpecLoader {
    /// Where a duplicated key appears the second time in a block mapping that starts at
    /// `start`: the next line at the same indentation that begins with the key.
    static func secondOccurrence(of key: String, in yaml: String, after start: SourceLocation) -> SourceLocation? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(max(start.line - 1, 0))
        let indentation = max(start.column - 1, 0)
        var seen = 0
        for (offset, line) in lines.enumerated() {
            let content = line.drop { $0 == " " }
            guard !content.isEmpty, !content.hasPrefix("#") else { continue }
            let lineIndentation = line.count - content.count
            if lineIndentation < indentation { return nil }
            guard lineIndentation == indentation,
                content.hasPrefix("\(key):") || content.hasPrefix("'\(key)':") || content.hasPrefix("\"\(key)\":")
            else { continue }
            seen += 1
            if seen == 2 { return SourceLocation(file: start.file, line: start.line + offset, column: start.column) }
        }
        return nil
    }
}

extension YAMLNodeReader {
    static let topLevelKeys = ["aggregate", "description", "version", "state", "commands", "events", "queries", "examples"]
    static let commandKeys = ["description", "creates", "params", "require", "emit", "handler"]
    static let paramKeys = ["type", "optional", "default", "message", "messages"] + RuleSpec.Kind.allCases.map(\.rawValue)
    static let requireKeys = ["check", "field", "message"]
    static let emitKeys = ["event", "with", "when"]
    static let eventKeys = ["fields", "apply", "version", "upcast", "renamed_from"]
    static let queryKeys = ["params", "where", "returns"]

    mutating func spec(_ root: Node) -> Spec? {
        guard let entries = mapping(root, "the spec") else { return nil }
        let rootLocation = location(of: root)
        checkKeys(
            entries,
            allowed: Self.topLevelKeys,
            required: ["aggregate", "state", "commands", "events"],
            in: "the spec",
            at: rootLocation
        )
        let values = Dictionary(entries.map { ($0.key.value, $0.value) }, uniquingKeysWith: { first, _ in first })
        let aggregate = values["aggregate"].flatMap { locatedText($0, "'aggregate'") }
        let description = values["description"].flatMap { locatedText($0, "'description'") }
        let version = values["version"].flatMap { node in int(node, "'version'").map { Located($0, at: location(of: node)) } }
        let state = values["state"].map { fields($0, "'state'") } ?? []
        let commands = named(values["commands"], "'commands'") { reader, name, node in reader.command(name, node) }
        let events = named(values["events"], "'events'") { reader, name, node in reader.event(name, node) }
        let queries = named(values["queries"], "'queries'") { reader, name, node in reader.query(name, node) }
        let examples = examples(values["examples"])
        guard let aggregate else { return nil }
        var spec = Spec(
            file: file,
            version: version,
            aggregate: aggregate,
            description: description,
            state: state,
            commands: commands,
            events: events,
            queries: queries
        )
        spec.eventsLocation = entries.first { $0.key.value == "events" }?.key.location
        spec.examples = examples
        return spec
    }

    /// The entries of a mapping of names to parts, each read by `read`.
    private mutating func named<Part>(
        _ node: Node?,
        _ what: String,
        _ read: (inout YAMLNodeReader, Located<String>, Node) -> Part?
    ) -> [Part] {
        guard let node, let entries = mapping(node, what) else { return [] }
        return entries.compactMap { read(&self, $0.key, $0.value) }
    }

    mutating func fields(_ node: Node, _ what: String) -> [FieldSpec] {
        guard let entries = mapping(node, what) else { return [] }
        return entries.compactMap { key, value in
            type(value, "the type of '\(key.value)'").map { FieldSpec(name: key, type: $0) }
        }
    }

    mutating func assignments(_ node: Node, _ what: String) -> [AssignmentSpec] {
        guard let entries = mapping(node, what) else { return [] }
        if let split = entries.first(where: { $0.key.value.contains(")") || $0.key.value.contains("(") }) {
            diagnostics.error(
                "'\(split.key.value)' is not a field name: YAML splits a `{ ... }` mapping at every comma, so write \(what) one entry a line, or quote an expression that has a comma",
                at: split.key.location
            )
            return []
        }
        return entries.compactMap { key, value in
            locatedText(value, "'\(key.value)' in \(what)").map { AssignmentSpec(field: key, expression: $0) }
        }
    }

    private mutating func command(_ name: Located<String>, _ node: Node) -> CommandSpec? {
        let what = "command '\(name.value)'"
        if case .scalar(let scalar) = node, scalar.string.isEmpty {
            diagnostics.error("\(what) needs at least 'emit' or 'handler'", at: name.location)
            return nil
        }
        guard let entries = mapping(node, what) else { return nil }
        checkKeys(entries, allowed: Self.commandKeys, in: what, at: name.location)
        var command = CommandSpec(name: name)
        for (key, value) in entries {
            switch key.value {
            case "description": command.description = locatedText(value, "'description' of \(what)")
            case "creates": command.creates = bool(value, "'creates' of \(what)") ?? false
            case "params": command.params = params(value, "the params of \(what)")
            case "require": command.require = requirements(value, what)
            case "emit": command.emit = emissions(value, what)
            case "handler":
                guard let handler = locatedText(value, "'handler' of \(what)") else { continue }
                if handler.value == "swift" {
                    command.hasSwiftHandler = true
                } else {
                    diagnostics.error("'handler' can only be 'swift', found '\(handler.value)'", at: handler.location)
                }
            default: continue
            }
        }
        return command
    }

    private mutating func params(_ node: Node, _ what: String) -> [ParamSpec] {
        guard let entries = mapping(node, what) else { return [] }
        return entries.compactMap { param($0.key, $0.value) }
    }

    private mutating func param(_ name: Located<String>, _ node: Node) -> ParamSpec? {
        let what = "param '\(name.value)'"
        guard case .mapping = node else {
            return type(node, "the type of \(what)").map {
                ParamSpec(name: name, type: $0, isOptional: $0.value.isOptional)
            }
        }
        guard let entries = mapping(node, what) else { return nil }
        checkKeys(entries, allowed: Self.paramKeys, required: ["type"], in: what, at: name.location)
        guard let typeNode = entries.first(where: { $0.key.value == "type" })?.value,
            let type = type(typeNode, "the type of \(what)")
        else { return nil }
        var param = ParamSpec(name: name, type: type, isOptional: type.value.isOptional)
        for (key, value) in entries {
            switch key.value {
            case "optional": param.isOptional = (bool(value, "'optional' of \(what)") ?? false) || type.value.isOptional
            case "default": param.defaultValue = locatedScalar(value, "'default' of \(what)")
            case "message": param.message = locatedText(value, "'message' of \(what)")
            case "messages":
                guard let messages = mapping(value, "'messages' of \(what)") else { continue }
                let allowed = ["type", "present"] + RuleSpec.Kind.allCases.map(\.rawValue)
                checkKeys(messages, allowed: allowed, in: "'messages' of \(what)", at: key.location)
                for (rule, message) in messages {
                    param.messages[rule.value] = locatedText(message, "the message of '\(rule.value)'")
                }
            default:
                guard let kind = RuleSpec.Kind(rawValue: key.value) else { continue }
                let arguments: [Located<ScalarText>]
                if kind == .oneOf {
                    arguments = (sequence(value, "'in' of \(what)") ?? []).compactMap { locatedScalar($0, "a choice of \(what)") }
                } else {
                    arguments = locatedScalar(value, "'\(key.value)' of \(what)").map { [$0] } ?? []
                }
                param.rules.append(RuleSpec(kind: kind, arguments: arguments, location: key.location))
            }
        }
        return param
    }

    private mutating func requirements(_ node: Node, _ what: String) -> [RequireSpec] {
        guard let items = sequence(node, "'require' of \(what)") else { return [] }
        return items.compactMap { item in
            guard let entries = mapping(item, "a rule of \(what)") else { return nil }
            checkKeys(entries, allowed: Self.requireKeys, required: ["check"], in: "a rule of \(what)", at: location(of: item))
            var check: Located<String>?
            var field: Located<String>?
            var message: Located<String>?
            for (key, value) in entries {
                switch key.value {
                case "check": check = locatedText(value, "'check'")
                case "field": field = locatedText(value, "'field'")
                case "message": message = locatedText(value, "'message'")
                default: continue
                }
            }
            return check.map { RequireSpec(check: $0, field: field, message: message) }
        }
    }

    private mutating func emissions(_ node: Node, _ what: String) -> [EmitSpec] {
        if case .scalar = node {
            return locatedText(node, "'emit' of \(what)").map { [EmitSpec(event: $0)] } ?? []
        }
        guard let items = sequence(node, "'emit' of \(what)") else { return [] }
        return items.compactMap { item in
            if case .scalar = item {
                return locatedText(item, "an event of \(what)").map { EmitSpec(event: $0) }
            }
            guard let entries = mapping(item, "an emitted event of \(what)") else { return nil }
            checkKeys(entries, allowed: Self.emitKeys, required: ["event"], in: "an emitted event of \(what)", at: location(of: item))
            var emit: EmitSpec?
            var with: [AssignmentSpec] = []
            var when: Located<String>?
            for (key, value) in entries {
                switch key.value {
                case "event": emit = locatedText(value, "'event'").map { EmitSpec(event: $0) }
                case "with": with = assignments(value, "'with'")
                case "when": when = locatedText(value, "'when'")
                default: continue
                }
            }
            emit?.with = with
            emit?.when = when
            return emit
        }
    }

    private mutating func event(_ name: Located<String>, _ node: Node) -> EventSpec? {
        let what = "event '\(name.value)'"
        if case .scalar(let scalar) = node, scalar.string.isEmpty {
            return EventSpec(name: name, fields: [], apply: [])
        }
        guard let entries = mapping(node, what) else { return nil }
        checkKeys(entries, allowed: Self.eventKeys, in: what, at: name.location)
        var event = EventSpec(name: name, fields: [], apply: [])
        for (key, value) in entries {
            switch key.value {
            case "fields": event.fields = fields(value, "the fields of \(what)")
            case "apply": event.apply = assignments(value, "'apply' of \(what)")
            case "version":
                event.version = int(value, "'version' of \(what)") ?? 1
                event.versionLocation = location(of: value)
            case "upcast": event.upcast = upcastSteps(value, of: what)
            case "renamed_from": event.renamedFrom = renamedFrom(value, of: what)
            default: continue
            }
        }
        return event
    }

    private mutating func query(_ name: Located<String>, _ node: Node) -> QuerySpec? {
        let what = "query '\(name.value)'"
        if case .scalar(let scalar) = node, scalar.string.isEmpty {
            return QuerySpec(name: name, params: [], whereClauses: [])
        }
        guard let entries = mapping(node, what) else { return nil }
        checkKeys(entries, allowed: Self.queryKeys, in: what, at: name.location)
        var query = QuerySpec(name: name, params: [], whereClauses: [])
        for (key, value) in entries {
            switch key.value {
            case "params": query.params = params(value, "the params of \(what)")
            case "where": query.whereClauses = assignments(value, "'where' of \(what)")
            case "returns":
                guard let returns = locatedText(value, "'returns' of \(what)") else { continue }
                if let kind = QuerySpec.Returns(rawValue: returns.value) {
                    query.returns = kind
                } else {
                    diagnostics.error("'returns' must be 'list' or 'one', found '\(returns.value)'", at: returns.location)
                }
            default: continue
            }
        }
        return query
    }
}
