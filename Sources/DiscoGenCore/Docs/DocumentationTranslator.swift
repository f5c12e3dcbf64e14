/// Builds an aggregate's ``AggregateDocumentation`` from its checked spec: the second stage of
/// `disco-gen docs`, after the checker and before ``MarkdownDocsRenderer``.
public struct DocumentationTranslator: Sendable {
    /// A translator.
    public init() {}

    /// The documentation of one checked spec.
    public func translate(_ checked: CheckedSpec) -> AggregateDocumentation {
        let spec = checked.spec
        let aggregate = spec.aggregate.value
        let state =
            [FieldDoc(name: "id", type: "uuid", note: "the aggregate's id")]
            + spec.state.map { FieldDoc(name: $0.name.value, type: $0.type.value.description, note: nil) }
        return AggregateDocumentation(
            aggregate: aggregate,
            specFile: spec.file,
            description: spec.description?.value,
            state: state,
            commands: checked.commands.map { command($0, aggregate: aggregate) },
            events: checked.events.map { event($0, in: checked) },
            queries: checked.queries.map(query),
            scenarios: checked.examples.map(scenario),
            diagram: diagram(checked)
        )
    }

    // MARK: Commands and queries

    private func command(_ command: CheckedCommand, aggregate: String) -> CommandDoc {
        let spec = command.spec
        let id =
            spec.creates
            ? ParamDoc(
                name: "id",
                type: "uuid",
                isRequired: false,
                defaultValue: nil,
                rules: [
                    RuleDoc(rule: "type", message: SpecType.uuid.defaultTypeMessage),
                    RuleDoc(rule: "a \(aggregate) with this id exists (rejected)", message: "already exists"),
                ],
                note: "the new \(aggregate)'s id; a new one when absent"
            )
            : ParamDoc(
                name: "id",
                type: "uuid",
                isRequired: true,
                defaultValue: nil,
                rules: [
                    RuleDoc(rule: "type", message: SpecType.uuid.defaultTypeMessage),
                    RuleDoc(rule: "no \(aggregate) with this id (rejected)", message: "not found"),
                ],
                note: "the \(aggregate)'s id"
            )
        return CommandDoc(
            name: spec.name.value,
            description: spec.description?.value,
            creates: spec.creates,
            isHandwritten: spec.hasSwiftHandler,
            params: [id] + command.params.map(param),
            businessRules: zip(spec.require, command.rules).map { written, checked in
                BusinessRuleDoc(check: written.check.value, field: checked.field, message: checked.message)
            },
            emits: spec.emit.map { emit in
                EmissionDoc(
                    event: emit.event.value,
                    when: emit.when?.value,
                    with: emit.with.map { AssignmentDoc(field: $0.field.value, expression: $0.expression.value) }
                )
            }
        )
    }

    private func query(_ query: CheckedQuery) -> QueryDoc {
        QueryDoc(
            name: query.spec.name.value,
            params: query.params.map(param),
            conditions: query.spec.whereClauses.map {
                AssignmentDoc(field: $0.field.value, expression: $0.expression.value)
            },
            returnsOne: query.spec.returns == .one
        )
    }

    /// A param with what the runtime checks, in its order: the type (also for a missing
    /// value), `present` for a required string, then each rule.
    func param(_ param: CheckedParam) -> ParamDoc {
        var rules = [RuleDoc(rule: "type", message: param.resolvedTypeMessage)]
        if case .list(let element) = param.type.unwrapped {
            rules.append(RuleDoc(rule: "each item", message: "item N \(element.defaultTypeMessage)"))
        }
        if let present = param.resolvedPresentMessage {
            rules.append(RuleDoc(rule: "present (not empty or blank)", message: present))
        }
        for rule in param.rules {
            rules.append(
                RuleDoc(rule: "\(rule.kind.rawValue): \(rule.argument.text)", message: rule.message, isWritten: true)
            )
        }
        return ParamDoc(
            name: param.spec.name.value,
            type: param.type.description,
            isRequired: param.isRequired,
            defaultValue: param.defaultValue.map { value in
                if case .string(let string) = value { return JSONWriter.quoted(string) }
                return value.text
            },
            rules: rules,
            note: nil
        )
    }

    // MARK: Events

    private func event(_ event: CheckedEvent, in checked: CheckedSpec) -> EventDoc {
        let spec = event.spec
        let name = spec.name.value
        var history: [EventVersionDoc] = event.steps.map { step in
            let written = spec.upcast.first { $0.from?.value == step.from }
            return EventVersionDoc(
                version: step.from,
                fields: step.fields.map(field),
                upcast: step.changes.map { change in
                    switch change {
                    case .set(let field, _):
                        let text = written?.with.first { $0.field.value == field }?.expression.value ?? "?"
                        return .set(AssignmentDoc(field: field, expression: text))
                    case .drop(let field):
                        return .drop(field)
                    }
                },
                isHandwritten: step.isHandwritten
            )
        }
        history.append(
            EventVersionDoc(version: spec.version, fields: spec.fields.map(field), upcast: [], isHandwritten: false)
        )
        let emitters = checked.commands.flatMap { command in
            command.spec.emit.filter { $0.event.value == name }.map {
                EmitterDoc(command: command.spec.name.value, when: $0.when?.value)
            }
        }
        return EventDoc(
            name: name,
            version: spec.version,
            fields: spec.fields.map(field),
            applies: spec.apply.map { AssignmentDoc(field: $0.field.value, expression: $0.expression.value) },
            emittedBy: emitters,
            renamedFrom: spec.renamedFrom.map(\.value),
            history: history
        )
    }

    private func field(_ field: FieldSpec) -> FieldDoc {
        FieldDoc(name: field.name.value, type: field.type.value.description, note: nil)
    }

    // MARK: Examples

    private func scenario(_ example: CheckedExample) -> ScenarioDoc {
        let outcome: ScenarioOutcomeDoc =
            switch example.then {
            case .accepted(let events, let state):
                .accepted(
                    events: events?.map(named),
                    state: state.map { NamedValues(name: "state", values: $0.map(value)) }
                )
            case .rejected(let errors): .rejected(errors.map { ErrorDoc(field: $0.field, messages: $0.messages) })
            case .invalid(let errors): .invalid(errors.map { ErrorDoc(field: $0.field, messages: $0.messages) })
            }
        return ScenarioDoc(
            name: example.name,
            line: example.location.line,
            now: example.now,
            given: example.given.map(named),
            when: NamedValues(name: example.command, values: example.params.map(value)),
            then: outcome
        )
    }

    private func named(_ event: CheckedExampleEvent) -> NamedValues {
        NamedValues(name: event.type, values: event.payload.map(value))
    }

    private func value(_ field: ExampleField) -> ValueDoc {
        ValueDoc(name: field.name, value: Self.json(field.value))
    }

    /// An example's value as compact JSON.
    static func json(_ literal: ExampleLiteral) -> String {
        switch literal {
        case .null: "null"
        case .bool(let bool): bool ? "true" : "false"
        case .number(let text): text
        case .string(let text): JSONWriter.quoted(text)
        case .list(let items): "[" + items.map(json).joined(separator: ", ") + "]"
        case .object(let fields):
            "{" + fields.map { JSONWriter.quoted($0.name) + ": " + json($0.value) }.joined(separator: ", ") + "}"
        }
    }

    // MARK: Diagram

    private func diagram(_ checked: CheckedSpec) -> FlowDiagram {
        let spec = checked.spec
        let commands = spec.commands.map {
            FlowDiagram.Node(
                kind: .command,
                name: $0.name.value,
                label: $0.hasSwiftHandler ? "\($0.name.value) (Swift)" : nil
            )
        }
        let events = spec.events.map { FlowDiagram.Node(kind: .event, name: $0.name.value, label: nil) }
        let fields = spec.state.map { FlowDiagram.Node(kind: .stateField, name: $0.name.value, label: nil) }
        var edges: [FlowDiagram.Edge] = []
        for (command, node) in zip(spec.commands, commands) {
            for emit in command.emit {
                guard let event = events.first(where: { $0.name == emit.event.value }) else { continue }
                edges.append(FlowDiagram.Edge(from: node, to: event, isConditional: emit.when != nil))
            }
        }
        for (event, node) in zip(spec.events, events) {
            for apply in event.apply {
                guard let field = fields.first(where: { $0.name == apply.field.value }) else { continue }
                edges.append(FlowDiagram.Edge(from: node, to: field, isConditional: false))
            }
        }
        return FlowDiagram(nodes: commands + events + fields, edges: edges)
    }
}
