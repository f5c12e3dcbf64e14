import Foundation

/// The second stage: checks what a ``Spec`` means (names, types, rules and expressions)
/// and produces a ``CheckedSpec`` with every expression type-checked. It writes no Swift: names
/// resolve to symbolic ``ExpressionReference``s that the view-model stage spells.
public struct SpecChecker: Sendable {
    /// The spec language versions this checker understands.
    public static let supportedVersions = [1]

    /// The spec's lock, when it has one: which versions stores may hold, so which upcast steps are needed.
    public var lock: SpecLock?

    /// A checker; with a lock, events need upcast steps only from the lowest version it records.
    public init(lock: SpecLock? = nil) {
        self.lock = lock
    }

    /// Checks a spec, reporting every problem found.
    /// - Returns: The checked spec, or `nil` when any error was found.
    public func check(_ spec: Spec, diagnostics: inout DiagnosticList) -> CheckedSpec? {
        var run = SpecCheckRun(spec: spec)
        run.lock = lock
        var checked = run.check()
        checked.examples = run.checkExamples(checked.commands)
        for diagnostic in run.diagnostics.diagnostics { diagnostics.emit(diagnostic) }
        return run.diagnostics.hasErrors ? nil : checked
    }
}

/// One run of the checker over one spec.
struct SpecCheckRun {
    let spec: Spec
    var diagnostics = DiagnosticList()
    /// The spec's lock, when it has one.
    var lock: SpecLock?

    /// The state's fields by name, `id` included.
    let stateFields: [String: SpecType]
    /// The events by name.
    let events: [String: EventSpec]

    init(spec: Spec) {
        self.spec = spec
        var fields: [String: SpecType] = ["id": .uuid]
        for field in spec.state where fields[field.name.value] == nil {
            fields[field.name.value] = field.type.value
        }
        self.stateFields = fields
        self.events = Dictionary(spec.events.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func check() -> CheckedSpec {
        checkVersion()
        checkAggregateName()
        checkTypeNames()
        checkFields(
            spec.state,
            of: "the state",
            reserved: [
                "id": "'id' is implicit in every state; remove it",
                "fields": "'fields' is the name of the state's JSON-like view; rename the field",
            ]
        )
        let commands = spec.commands.map { checkCommand($0) }
        let events = spec.events.map { checkEvent($0) }
        checkRenames()
        let queries = spec.queries.map { checkQuery($0) }
        checkReachability()
        return CheckedSpec(spec: spec, commands: commands, events: events, queries: queries)
    }

    // MARK: Names

    private mutating func checkVersion() {
        guard let version = spec.version, !SpecChecker.supportedVersions.contains(version.value) else { return }
        diagnostics.error(
            "spec language version \(version.value) is not supported by this disco-gen, which reads version \(SpecChecker.supportedVersions.map(String.init).joined(separator: ", "))",
            at: version.location
        )
    }

    private mutating func checkAggregateName() {
        let name = spec.aggregate
        if !Naming.isUpperCamelCase(name.value) {
            diagnostics.error("the aggregate name '\(name.value)' must be UpperCamelCase, like 'Wallet'", at: name.location)
        } else if Self.runtimeTypeNames.contains(name.value) || Naming.swiftKeywords.contains(name.value) {
            diagnostics.error(
                "the aggregate name '\(name.value)' is taken by Swift or the Disco runtime; choose another",
                at: name.location
            )
        }
    }

    /// Names the generated file uses for the runtime's types, which an aggregate must not shadow.
    static let runtimeTypeNames: Set<String> = [
        "Aggregate", "AggregateCommand", "AggregateEvent", "AggregateState", "CommandContext", "Date", "Decimal",
        "Disco", "EventDecodingError", "Foundation", "Params", "ParamsReader", "PayloadReader", "Query",
        "UUID", "ValidationErrors", "ValidationRule", "Value", "Bool", "Int", "Double", "String",
        "Task", "Result", "Error", "Never", "Array", "Dictionary", "Set", "Optional", "Data", "URL",
        "Sendable", "Hashable", "Equatable",
    ]

    /// Names the generated command and query structs use for their own members.
    static let generatedMemberNames: [String: String] = [
        "params": "'params' names the generated params of a command or query; rename the param",
        "metadata": "'metadata' is the typed API's argument for a command's metadata; rename the param",
    ]

    /// Words of the expression language, which a param or field name cannot be.
    static let expressionKeywords: [String: String] = Dictionary(
        uniqueKeysWithValues: ["state", "now", "true", "false", "null"].map { word in
            (word, "'\(word)' is a word of the expression language, so expressions could not name it; rename it")
        }
    )

    /// Commands, events and queries become nested types; their names must not collide.
    private mutating func checkTypeNames() {
        var taken: [String: String] = [
            "Command": "the aggregate's command enum",
            "Client": "the aggregate's typed API",
            "Event": "the aggregate's event enum",
            spec.aggregate.value: "the aggregate itself",
        ]
        for name in Self.runtimeTypeNames { taken[name] = "a type the generated code uses" }
        let parts: [(kind: String, name: Located<String>)] =
            spec.commands.map { ("command", $0.name) } + spec.events.map { ("event", $0.name) }
            + spec.queries.map { ("query", $0.name) }
        for (kind, name) in parts {
            guard Naming.isSnakeCase(name.value) else {
                diagnostics.error("the \(kind) name '\(name.value)' must be snake_case, like 'create_wallet'", at: name.location)
                continue
            }
            let typeName = Naming.upperCamelCase(name.value)
            if Naming.swiftKeywords.contains(typeName) {
                diagnostics.error(
                    "\(kind) '\(name.value)' would be generated as the type '\(typeName)', which is a Swift keyword; rename it",
                    at: name.location
                )
            } else if let owner = taken[typeName] {
                diagnostics.error(
                    "\(kind) '\(name.value)' would be generated as the type '\(typeName)', which is already \(owner); rename it",
                    at: name.location
                )
            } else {
                taken[typeName] = "\(kind) '\(name.value)'"
            }
        }
    }

    /// Checks a list of fields: snake_case, no collisions after conversion, no reserved names
    /// (the caller's, then the expression keywords, which no name may be).
    mutating func checkFields(_ fields: [FieldSpec], of what: String, reserved: [String: String] = [:]) {
        checkNames(fields.map(\.name), of: what, reserved: reserved)
    }

    private mutating func checkNames(_ names: [Located<String>], of what: String, reserved: [String: String]) {
        var seen: [String: String] = [:]
        for name in names {
            if let reason = reserved[name.value] ?? Self.expressionKeywords[name.value] {
                diagnostics.error(reason, at: name.location)
                continue
            }
            guard Naming.isSnakeCase(name.value) else {
                diagnostics.error("the name '\(name.value)' in \(what) must be snake_case, like 'user_id'", at: name.location)
                continue
            }
            let swiftName = Naming.lowerCamelCase(name.value)
            if let other = seen[swiftName] {
                diagnostics.error(
                    "'\(name.value)' and '\(other)' in \(what) would both be named '\(swiftName)' in Swift; rename one",
                    at: name.location
                )
            }
            seen[swiftName] = name.value
        }
    }

    // MARK: Commands

    private mutating func checkCommand(_ command: CommandSpec) -> CheckedCommand {
        let what = "command '\(command.name.value)'"
        checkNames(
            command.params.map(\.name),
            of: "the params of \(what)",
            reserved: Self.generatedMemberNames.merging([
                "id": "'id' is implicit: every command has it (optional when the command creates); remove it"
            ]) { _, new in new }
        )
        let params = command.params.map { checkParam($0, of: what) }
        var names: [String: ExpressionScope.Binding] = [
            "id": .init(type: .uuid, reference: .stateField("id"))
        ]
        for param in params {
            names[param.spec.name.value] = .init(type: param.type, reference: .param(param.spec.name.value))
        }
        let scope = ExpressionScope(names: names, stateFields: stateFields, allowsNow: true)
        if command.emit.isEmpty, !command.hasSwiftHandler {
            diagnostics.error("\(what) emits no event; add 'emit' or 'handler: swift'", at: command.name.location)
        }
        if command.hasSwiftHandler, !command.emit.isEmpty || !command.require.isEmpty {
            diagnostics.error(
                "\(what) has 'handler: swift', so its decision is written in Swift; remove 'emit' and 'require'",
                at: command.name.location
            )
        }
        let paramNames = Set(params.map(\.spec.name.value)).union(["id"])
        let rules = command.require.compactMap { rule -> (check: LocatedExpression, field: String, message: String)? in
            let field = rule.field?.value ?? "base"
            if let ruleField = rule.field, !Naming.isSnakeCase(ruleField.value) {
                diagnostics.error("the rule's field '\(ruleField.value)' must be snake_case", at: ruleField.location)
            } else if let ruleField = rule.field, !paramNames.contains(ruleField.value), ruleField.value != "base" {
                diagnostics.warning(
                    "the rule's field '\(ruleField.value)' is not a param of \(what)\(Suggestion.hint(for: ruleField.value, in: paramNames))",
                    at: ruleField.location
                )
            }
            guard let check = expression(rule.check, in: scope, expecting: .bool) else { return nil }
            let message = rule.message?.value ?? "is invalid"
            return (check, field, message)
        }
        let emits = command.emit.compactMap { checkEmit($0, params: params, scope: scope, of: what) }
        return CheckedCommand(spec: command, params: params, rules: rules, emits: emits)
    }

    private mutating func checkEmit(
        _ emit: EmitSpec,
        params: [CheckedParam],
        scope: ExpressionScope,
        of what: String
    ) -> CheckedEmit? {
        guard let event = events[emit.event.value] else {
            diagnostics.error(
                "\(what) emits the unknown event '\(emit.event.value)'\(Suggestion.hint(for: emit.event.value, in: events.keys))",
                at: emit.event.location
            )
            return nil
        }
        let eventFields = Dictionary(event.fields.map { ($0.name.value, $0.type.value) }, uniquingKeysWith: { a, _ in a })
        for assignment in emit.with where eventFields[assignment.field.value] == nil {
            diagnostics.error(
                "event '\(event.name.value)' has no field '\(assignment.field.value)'\(Suggestion.hint(for: assignment.field.value, in: eventFields.keys))",
                at: assignment.field.location
            )
        }
        let when = emit.when.flatMap { expression($0, in: scope, expecting: .bool) }
        var fields: [(name: String, value: LocatedExpression)] = []
        for field in event.fields {
            let name = field.name.value
            if let assignment = emit.with.first(where: { $0.field.value == name }) {
                if let value = expression(assignment.expression, in: scope, expecting: field.type.value) {
                    fields.append((name, value))
                }
            } else if let param = params.first(where: { $0.spec.name.value == name }) {
                guard Self.canAssign(param.type, to: field.type.value) else {
                    diagnostics.error(
                        "the param '\(name)' of \(what) is \(param.type) but the field '\(name)' of event '\(event.name.value)' is \(field.type.value); fill it with `with: { \(name): ... }`",
                        at: emit.event.location
                    )
                    continue
                }
                let value = CheckedExpression(type: param.type, reference: .param(name))
                fields.append((name, LocatedExpression(expression: value, location: param.spec.name.location)))
            } else if name == "id", field.type.value == .uuid {
                let value = CheckedExpression(type: .uuid, reference: .stateField("id"))
                fields.append((name, LocatedExpression(expression: value, location: emit.event.location)))
            } else {
                diagnostics.error(
                    "\(what) cannot fill the field '\(name)' of event '\(event.name.value)': it has no param '\(name)'; add the param or fill it with `with: { \(name): ... }`",
                    at: emit.event.location
                )
            }
        }
        return CheckedEmit(event: event.name.value, fields: fields, when: when)
    }

    /// Whether a value of one type may be stored where another is expected.
    static func canAssign(_ source: SpecType, to target: SpecType) -> Bool {
        source == target || (target.isOptional && source == target.unwrapped)
    }

    // MARK: Events

    private mutating func checkEvent(_ event: EventSpec) -> CheckedEvent {
        let what = "event '\(event.name.value)'"
        checkFields(event.fields, of: "the fields of \(what)")
        if event.version < 1 {
            diagnostics.error("the version of \(what) must be 1 or more", at: event.name.location)
        }
        var names: [String: ExpressionScope.Binding] = [:]
        for field in event.fields {
            names[field.name.value] = .init(type: field.type.value, reference: .eventField(field.name.value))
        }
        let scope = ExpressionScope(
            names: names,
            stateFields: stateFields,
            unavailableNowReason: "an event's 'apply' must give the same state every time it is replayed, so it cannot read the time; record the time in an event field with `with: { at: now }` and use that field"
        )
        var applies: [(field: String, value: LocatedExpression)] = []
        for assignment in event.apply {
            let field = assignment.field.value
            guard field != "id" else {
                diagnostics.error("'id' names the aggregate and cannot be changed by an event", at: assignment.field.location)
                continue
            }
            guard let type = stateFields[field] else {
                diagnostics.error(
                    "\(what) applies to '\(field)', which is not a field of the state\(Suggestion.hint(for: field, in: stateFields.keys))",
                    at: assignment.field.location
                )
                continue
            }
            if let value = expression(assignment.expression, in: scope, expecting: type) {
                applies.append((field, value))
            }
        }
        return CheckedEvent(spec: event, applies: applies, steps: checkUpcast(event))
    }

    // MARK: Queries

    private mutating func checkQuery(_ query: QuerySpec) -> CheckedQuery {
        let what = "query '\(query.name.value)'"
        checkNames(
            query.params.map(\.name),
            of: "the params of \(what)",
            reserved: Self.generatedMemberNames
        )
        let params = query.params.map { checkParam($0, of: what) }
        var names: [String: ExpressionScope.Binding] = [:]
        for param in params {
            names[param.spec.name.value] = .init(type: param.type, reference: .param(param.spec.name.value))
        }
        let scope = ExpressionScope(names: names, stateFields: stateFields, allowsNow: true)
        var conditions: [(field: String, value: LocatedExpression)] = []
        for clause in query.whereClauses {
            let field = clause.field.value
            guard let type = stateFields[field] else {
                diagnostics.error(
                    "\(what) compares '\(field)', which is not a field of the state\(Suggestion.hint(for: field, in: stateFields.keys))",
                    at: clause.field.location
                )
                continue
            }
            if let value = expression(clause.expression, in: scope, expecting: type) {
                conditions.append((field, value))
            }
        }
        return CheckedQuery(spec: query, params: params, conditions: conditions)
    }

    // MARK: Reachability

    private mutating func checkReachability() {
        let emitted = Set(spec.commands.flatMap { $0.emit.map(\.event.value) })
        let hasSwiftHandler = spec.commands.contains(where: \.hasSwiftHandler)
        for event in spec.events where !emitted.contains(event.name.value) && !hasSwiftHandler {
            diagnostics.warning("event '\(event.name.value)' is never emitted by any command", at: event.name.location)
        }
        if !spec.commands.isEmpty, !spec.commands.contains(where: \.creates) {
            diagnostics.warning(
                "no command has 'creates: true', so no \(spec.aggregate.value) can ever exist and every command fails with not found",
                at: spec.aggregate.location
            )
        }
    }

    // MARK: Helpers

    mutating func expression(
        _ text: Located<String>,
        in scope: ExpressionScope,
        expecting type: SpecType?
    ) -> LocatedExpression? {
        checkExpression(text.value, at: text.location, in: scope, expecting: type, diagnostics: &diagnostics)
            .map { LocatedExpression(expression: $0, location: text.location) }
    }
}
