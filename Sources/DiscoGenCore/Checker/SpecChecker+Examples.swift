import Foundation

extension SpecCheckRun {
    /// Checks the spec's examples against its commands, events and state, and converts their
    /// values by the spec's types.
    mutating func checkExamples(_ commands: [CheckedCommand]) -> [CheckedExample] {
        var names: [String: SourceLocation] = [:]
        var checked: [CheckedExample] = []
        for example in spec.examples {
            if let first = names[example.name.value] {
                diagnostics.error(
                    "another example is named '\(example.name.value)' (at line \(first.line)); example names must be unique",
                    at: example.name.location
                )
            } else {
                names[example.name.value] = example.name.location
            }
            if let result = checkExample(example, commands) { checked.append(result) }
        }
        return checked
    }

    private mutating func checkExample(_ example: ExampleSpec, _ commands: [CheckedCommand]) -> CheckedExample? {
        let what = "example '\(example.name.value)'"
        let errorsBefore = diagnostics.diagnostics.count
        if let now = example.now, SpecLiteral.date(now.value) == nil {
            diagnostics.error("'now' of \(what) must be an ISO 8601 date, found '\(now.value)'", at: now.location)
        }
        let given = example.given.compactMap { exampleEvent($0, "an event given in \(what)") }
        var command: CheckedCommand?
        var params: [ExampleField] = []
        let isInvalid = example.then.invalid != nil
        if let when = example.when {
            command = commands.first { $0.spec.name.value == when.name.value }
            if let command {
                params = exampleParams(when, of: command, what, typed: !isInvalid)
            } else {
                diagnostics.error(
                    "unknown command '\(when.name.value)' in \(what)"
                        + Suggestion.hint(for: when.name.value, in: commands.map(\.spec.name.value)),
                    at: when.name.location
                )
            }
        }
        let then = exampleThen(example.then, what)
        let hasErrors = diagnostics.diagnostics.dropFirst(errorsBefore).contains { $0.severity == .error }
        guard let command, let then, !hasErrors else { return nil }
        return CheckedExample(
            name: example.name.value,
            location: example.location,
            now: example.now?.value,
            given: given,
            command: command.spec.name.value,
            params: params,
            then: then
        )
    }

    private mutating func exampleThen(_ then: ExampleThenSpec, _ what: String) -> CheckedExampleThen? {
        let parts = [then.events != nil, then.state != nil, then.rejected != nil, then.invalid != nil]
        let refusals = [then.rejected, then.invalid].compactMap { $0 }
        if !parts.contains(true) {
            diagnostics.error(
                "'then' of \(what) must say what follows: 'events' and/or 'state', or one of 'rejected' / 'invalid'",
                at: then.location
            )
            return nil
        }
        if !refusals.isEmpty, parts.filter({ $0 }).count > 1 {
            diagnostics.error(
                "'then' of \(what) holds 'events' and/or 'state', or one of 'rejected' / 'invalid', not both",
                at: then.location
            )
            return nil
        }
        if let rejected = then.rejected {
            return .rejected(errorMap(rejected, "'rejected' of \(what)", at: then.location))
        }
        if let invalid = then.invalid { return .invalid(errorMap(invalid, "'invalid' of \(what)", at: then.location)) }
        let events = then.events.map { $0.compactMap { exampleEvent($0, "an event in 'then' of \(what)") } }
        let state = then.state.map { stateFields($0, what) }
        return .accepted(events: events, state: state)
    }

    private mutating func errorMap(
        _ entries: [ExampleErrorSpec],
        _ what: String,
        at location: SourceLocation
    ) -> [ExampleError] {
        if entries.isEmpty { diagnostics.error("\(what) must name at least one field with its messages", at: location) }
        return entries.map { entry in
            if entry.messages.isEmpty {
                diagnostics.error(
                    "'\(entry.field.value)' in \(what) must have at least one message",
                    at: entry.field.location
                )
            }
            return ExampleError(field: entry.field.value, messages: entry.messages.map(\.value))
        }
    }

    private mutating func stateFields(_ entries: [ExampleEntry], _ what: String) -> [ExampleField] {
        entries.compactMap { entry in
            guard let type = stateFields[entry.name.value] else {
                diagnostics.error(
                    "unknown state field '\(entry.name.value)' in 'state' of \(what)"
                        + Suggestion.hint(for: entry.name.value, in: stateFields.keys.sorted()),
                    at: entry.name.location
                )
                return nil
            }
            return literal(entry.value, as: type, "state field '\(entry.name.value)' in \(what)")
                .map { ExampleField(name: entry.name.value, value: $0) }
        }
    }

    /// An event's payload: known event, known fields, every field present, each of its type.
    private mutating func exampleEvent(_ item: ExampleEventSpec, _ what: String) -> CheckedExampleEvent? {
        guard let event = events[item.name.value] else {
            diagnostics.error(
                "unknown event '\(item.name.value)' in \(what)"
                    + Suggestion.hint(for: item.name.value, in: spec.events.map(\.name.value)),
                at: item.name.location
            )
            return nil
        }
        let fields = Dictionary(
            event.fields.map { ($0.name.value, $0.type.value) },
            uniquingKeysWith: { first, _ in first }
        )
        var given: [String: ExampleLiteral] = [:]
        for entry in item.values {
            guard let type = fields[entry.name.value] else {
                diagnostics.error(
                    "event '\(event.name.value)' has no field '\(entry.name.value)'"
                        + Suggestion.hint(for: entry.name.value, in: event.fields.map(\.name.value)),
                    at: entry.name.location
                )
                continue
            }
            given[entry.name.value] = literal(
                entry.value,
                as: type,
                "field '\(entry.name.value)' of event '\(event.name.value)'"
            )
        }
        var payload: [ExampleField] = []
        for field in event.fields {
            if let value = given[field.name.value] {
                payload.append(ExampleField(name: field.name.value, value: value))
            } else if field.type.value.isOptional {
                payload.append(ExampleField(name: field.name.value, value: .null))
            } else if !item.values.contains(where: { $0.name.value == field.name.value }) {
                diagnostics.error(
                    "event '\(event.name.value)' in \(what) is missing its field '\(field.name.value)' (\(field.type.value))",
                    at: item.name.location
                )
            }
        }
        return CheckedExampleEvent(type: event.name.value, version: event.version, payload: payload)
    }

    /// A command's params: known names and types, required ones present, unless the example
    /// expects them to be invalid (then they are taken as written).
    private mutating func exampleParams(
        _ when: ExampleEventSpec,
        of command: CheckedCommand,
        _ what: String,
        typed: Bool
    ) -> [ExampleField] {
        let declared = command.params.map(\.spec)
        var result: [ExampleField] = []
        for entry in when.values {
            if entry.name.value == "id" {
                diagnostics.error(
                    "'id' is implicit in \(what): the command is for the example's aggregate",
                    at: entry.name.location
                )
                continue
            }
            guard typed else {
                result.append(ExampleField(name: entry.name.value, value: untypedLiteral(entry.value.value)))
                continue
            }
            guard let param = declared.first(where: { $0.name.value == entry.name.value }) else {
                diagnostics.error(
                    "command '\(command.spec.name.value)' has no param '\(entry.name.value)'"
                        + Suggestion.hint(for: entry.name.value, in: declared.map(\.name.value)),
                    at: entry.name.location
                )
                continue
            }
            let type: SpecType =
                param.isOptional && !param.type.value.isOptional ? .optional(param.type.value) : param.type.value
            if let value = literal(
                entry.value,
                as: type,
                "param '\(entry.name.value)' of command '\(command.spec.name.value)'"
            ) {
                result.append(ExampleField(name: entry.name.value, value: value))
            }
        }
        if typed {
            for param in declared
            where !param.isOptional && param.defaultValue == nil
                && !when.values.contains(where: { $0.name.value == param.name.value })
            {
                diagnostics.error(
                    "\(what) is missing the required param '\(param.name.value)' of command '\(command.spec.name.value)'; an example of invalid params says so with 'then: { invalid: ... }'",
                    at: when.name.location
                )
            }
        }
        return result
    }

    /// A value checked against a type.
    private mutating func literal(_ value: Located<ExampleValue>, as type: SpecType, _ what: String) -> ExampleLiteral?
    {
        let mismatch = { (found: String) in
            "\(what) must be \(SpecLiteral.article(type))\(type.isOptional ? " or null" : ""), found \(found)"
        }
        switch (type, value.value) {
        case (.optional(let wrapped), .scalar(let scalar)):
            if !scalar.isQuoted, ["null", "~", ""].contains(scalar.text) { return .null }
            return literal(value, as: wrapped, what)
        case (.optional(let wrapped), _):
            return literal(value, as: wrapped, what)
        case (.list(let element), .list(let items)):
            var values: [ExampleLiteral] = []
            for (index, item) in items.enumerated() {
                guard let converted = literal(item, as: element, "item \(index) of \(what)") else { return nil }
                values.append(converted)
            }
            return .list(values)
        case (_, .scalar(let scalar)):
            if let converted = scalarLiteral(scalar, as: type) { return converted }
            diagnostics.error(mismatch("'\(scalar.text)'"), at: value.location)
            return nil
        case (_, .list):
            diagnostics.error(mismatch("a list"), at: value.location)
            return nil
        case (_, .mapping):
            diagnostics.error(mismatch("a mapping"), at: value.location)
            return nil
        }
    }

    private func scalarLiteral(_ scalar: ScalarText, as type: SpecType) -> ExampleLiteral? {
        let plain = !scalar.isQuoted
        switch type {
        case .string: return plain && ["null", "~", ""].contains(scalar.text) ? nil : .string(scalar.text)
        case .uuid: return UUID(uuidString: scalar.text).map { _ in .string(scalar.text) }
        case .int: return plain && Int(scalar.text) != nil ? .number(scalar.text) : nil
        case .double, .decimal: return plain && SpecLiteral.isNumber(scalar.text) ? .number(scalar.text) : nil
        case .bool:
            return plain && (scalar.text == "true" || scalar.text == "false") ? .bool(scalar.text == "true") : nil
        case .date: return SpecLiteral.date(scalar.text).map { _ in .string(scalar.text) }
        case .list, .optional: return nil
        }
    }

    /// A value as YAML reads it, for params an example expects to be invalid.
    private func untypedLiteral(_ value: ExampleValue) -> ExampleLiteral {
        switch value {
        case .scalar(let scalar):
            guard !scalar.isQuoted else { return .string(scalar.text) }
            if ["null", "~", ""].contains(scalar.text) { return .null }
            if scalar.text == "true" || scalar.text == "false" { return .bool(scalar.text == "true") }
            if SpecLiteral.isNumber(scalar.text) { return .number(scalar.text) }
            return .string(scalar.text)
        case .list(let items): return .list(items.map { untypedLiteral($0.value) })
        case .mapping(let entries):
            return .object(entries.map { ExampleField(name: $0.name.value, value: untypedLiteral($0.value.value)) })
        }
    }
}
