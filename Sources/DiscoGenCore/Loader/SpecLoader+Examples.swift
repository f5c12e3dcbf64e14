import Yams

extension YAMLNodeReader {
    static let exampleKeys = ["name", "now", "given", "when", "then"]
    static let exampleThenKeys = ["events", "state", "rejected", "invalid"]

    /// The `examples:` list of a spec.
    mutating func examples(_ node: Node?) -> [ExampleSpec] {
        guard let node else { return [] }
        if case .scalar(let scalar) = node, scalar.string.isEmpty { return [] }
        guard let items = sequence(node, "'examples'") else { return [] }
        return items.enumerated().compactMap { index, item in example(item, index: index) }
    }

    private mutating func example(_ node: Node, index: Int) -> ExampleSpec? {
        let start = location(of: node)
        guard let entries = mapping(node, "example \(index + 1)") else { return nil }
        let values = Dictionary(entries.map { ($0.key.value, $0.value) }, uniquingKeysWith: { first, _ in first })
        let name = values["name"].flatMap { locatedText($0, "the name of example \(index + 1)") }
        let what = name.map { "example '\($0.value)'" } ?? "example \(index + 1)"
        checkKeys(entries, allowed: Self.exampleKeys, required: ["name", "when", "then"], in: what, at: start)
        let now = values["now"].flatMap { locatedText($0, "'now' of \(what)") }
        var given: [ExampleEventSpec] = []
        if let node = values["given"], !isEmpty(node), let items = sequence(node, "'given' of \(what)") {
            given = items.compactMap { namedPayload($0, "an event given in \(what)") }
        }
        let when = values["when"].flatMap { namedPayload($0, "'when' of \(what)") }
        let then = values["then"].map { exampleThen($0, what) } ?? ExampleThenSpec(location: start)
        guard let name else { return nil }
        return ExampleSpec(name: name, location: start, now: now, given: given, when: when, then: then)
    }

    private mutating func exampleThen(_ node: Node, _ what: String) -> ExampleThenSpec {
        var then = ExampleThenSpec(location: location(of: node))
        guard let entries = mapping(node, "'then' of \(what)") else { return then }
        checkKeys(entries, allowed: Self.exampleThenKeys, in: "'then' of \(what)", at: then.location)
        for (key, value) in entries {
            switch key.value {
            case "events":
                guard let items = sequence(value, "'events' of \(what)") else {
                    then.events = []
                    continue
                }
                then.events = items.compactMap { namedPayload($0, "an event in 'then' of \(what)") }
            case "state": then.state = exampleEntries(value, "'state' of \(what)")
            case "rejected": then.rejected = errorMap(value, "'rejected' of \(what)")
            case "invalid": then.invalid = errorMap(value, "'invalid' of \(what)")
            default: continue
            }
        }
        return then
    }

    /// `{name: {field: value, ...}}`: a mapping with exactly one entry, whose value is the payload.
    private mutating func namedPayload(_ node: Node, _ what: String) -> ExampleEventSpec? {
        if case .scalar = node {
            return locatedText(node, what).map { ExampleEventSpec(name: $0, values: []) }
        }
        guard let entries = mapping(node, what) else { return nil }
        guard entries.count == 1, let entry = entries.first else {
            diagnostics.error(
                "\(what) must name exactly one, as `{name: {field: value}}`, found \(entries.count)",
                at: location(of: node)
            )
            return nil
        }
        let values = isEmpty(entry.value) ? [] : exampleEntries(entry.value, "the payload of '\(entry.key.value)'")
        return ExampleEventSpec(name: entry.key, values: values)
    }

    private mutating func exampleEntries(_ node: Node, _ what: String) -> [ExampleEntry] {
        guard let entries = mapping(node, what) else { return [] }
        return entries.compactMap { key, value in
            exampleValue(value, "'\(key.value)' in \(what)").map { ExampleEntry(name: key, value: $0) }
        }
    }

    private mutating func exampleValue(_ node: Node, _ what: String) -> Located<ExampleValue>? {
        switch node {
        case .scalar:
            return locatedScalar(node, what).map { Located(.scalar($0.value), at: $0.location) }
        case .sequence(let items):
            let values = items.compactMap { exampleValue($0, "an item of \(what)") }
            return Located(.list(values), at: location(of: node))
        case .mapping:
            return Located(.mapping(exampleEntries(node, what)), at: location(of: node))
        case .alias:
            diagnostics.error("\(what) cannot be an alias", at: location(of: node))
            return nil
        }
    }

    /// `{field: [message, ...]}`; a single message may stand without the list.
    private mutating func errorMap(_ node: Node, _ what: String) -> [ExampleErrorSpec] {
        guard let entries = mapping(node, what) else { return [] }
        return entries.map { key, value in
            let messages: [Located<String>]
            if case .scalar = value {
                messages = locatedText(value, "the message of '\(key.value)'").map { [$0] } ?? []
            } else {
                messages = (sequence(value, "the messages of '\(key.value)'") ?? []).compactMap {
                    locatedText($0, "a message of '\(key.value)'")
                }
            }
            return ExampleErrorSpec(field: key, messages: messages)
        }
    }

    private func isEmpty(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null",
            scalar.style == .plain || scalar.style == .any
        {
            return true
        }
        return false
    }
}
