/// The third stage: turns a ``CheckedSpec`` into the ``AggregateViewModel`` the templates render.
public struct ViewModelTranslator: Sendable {
    /// The options of the generated code.
    public var options: GeneratorOptions

    /// A translator with options.
    public init(options: GeneratorOptions = GeneratorOptions()) {
        self.options = options
    }

    /// The view model of one checked spec.
    public func translate(_ checked: CheckedSpec) -> AggregateViewModel {
        let spec = checked.spec
        let typeName = spec.aggregate.value
        let displayName = Self.words(typeName)
        let commands = checked.commands.map { command($0, spec: spec) }
        let events = checked.events.map { event($0, spec: spec) }
        let handwrittenSteps = events.flatMap(\.steps).filter(\.isHandwritten)
        let stateFields = spec.state.map { field in
            FieldViewModel(
                identifier: Naming.identifier(field.name.value),
                keyLiteral: swiftStringLiteral(field.name.value),
                swiftType: Self.swiftType(field.type.value),
                initialValue: Self.initialValue(field.type.value),
                isLast: false
            )
        }
        return AggregateViewModel(
            sourceFile: Self.commentLines(Self.fileName(spec.file)).joined(separator: " "),
            access: options.accessModifier == .internal ? "" : "\(options.accessModifier.rawValue) ",
            aggregateType: typeName,
            displayName: displayName,
            documentation: Self.commentLines(spec.description?.value ?? "The \(typeName) aggregate."),
            aggregateNameLiteral: swiftStringLiteral(typeName),
            commandNamesLiteral: Self.arrayLiteral(spec.commands.map(\.name.value).sorted()),
            queryNamesLiteral: Self.arrayLiteral(spec.queries.map(\.name.value).sorted()),
            stateFields: stateFields,
            numberStateFields: zip(spec.state, stateFields).compactMap { field, view in
                switch field.type.value {
                case .double, .optional(.double): view
                default: nil
                }
            },
            snapshotSchemaLiteral: swiftStringLiteral(
                SnapshotSchema.fingerprint(stateFields: stateFields, events: events)
            ),
            snapshotLabelLiteral: swiftStringLiteral("snapshot of \(typeName)"),
            commands: commands,
            executeUsesState: checked.commands.contains { $0.reads(\.readsState) },
            handwrittenCommands: commands.filter(\.isHandwritten),
            hasHandwrittenCommands: commands.contains(where: \.isHandwritten),
            events: events,
            applyUsesState: checked.events.contains { event in
                event.applies.contains { $0.value.expression.readsState }
            },
            queries: checked.queries.map { query($0, spec: spec) },
            handwrittenSteps: handwrittenSteps,
            hasHandwrittenSteps: !handwrittenSteps.isEmpty
        )
    }

    // MARK: Commands

    private func command(_ checked: CheckedCommand, spec: Spec) -> CommandViewModel {
        let command = checked.spec
        let idField = FieldViewModel(
            identifier: "id",
            keyLiteral: swiftStringLiteral("id"),
            swiftType: command.creates ? "UUID?" : "UUID",
            initialValue: command.creates ? "nil" : nil,
            isLast: false
        )
        let properties = [idField] + checked.params.map(property)
        let idRead = ParamReadViewModel(
            identifier: "id",
            method: command.creates ? "optional" : "required",
            inlineArguments: "\"id\", .uuid",
            arguments: []
        )
        let params = paramsViewModel(
            [idRead] + checked.params.map(read),
            requiredNames: (command.creates ? [] : ["id"])
                + checked.params.filter(\.isRequiredInSwift).map { Naming.identifier($0.spec.name.value) },
            properties: properties,
            checks: checked.params.compactMap(check)
        )
        let emitsAreDirect = checked.emits.allSatisfy { emit in
            emit.when == nil && emit.fields.allSatisfy { $0.value.expression.reference?.isParam == true }
        }
        let emitted = checked.emits.map { emit in
            EmitViewModel(
                event: mapped(
                    eventConstruction(emit),
                    at: emit.fields.first?.value.location ?? command.name.location,
                    spec: spec
                ),
                condition: emit.when.map { mapped(swift($0.expression, .command), at: $0.location, spec: spec) }
            )
        }
        let usesCommand = checked.reads(\.readsParams)
        return CommandViewModel(
            name: command.name.value,
            caseName: Naming.identifier(command.name.value),
            typeName: Naming.upperCamelCase(command.name.value),
            summary: Self.commentLines(command.description?.value ?? "The `\(command.name.value)` command."),
            creates: command.creates,
            properties: properties,
            initParameters: Self.parameterList(properties),
            params: params,
            rules: checked.rules.map { rule in
                RuleViewModel(
                    check: mapped(swift(rule.check.expression, .command), at: rule.check.location, spec: spec),
                    messageLiteral: swiftStringLiteral(rule.message),
                    fieldLiteral: swiftStringLiteral(rule.field)
                )
            },
            hasRules: !checked.rules.isEmpty,
            binding: usesCommand || command.hasSwiftHandler ? "(let command)" : "",
            directEmits: emitsAreDirect && !command.hasSwiftHandler
                ? "[" + checked.emits.map(eventConstruction).joined(separator: ", ") + "]" : nil,
            emits: emitsAreDirect ? [] : emitted,
            isHandwritten: command.hasSwiftHandler
        )
    }

    private func eventConstruction(_ emit: CheckedEmit) -> String {
        let arguments = emit.fields.map { "\(Naming.lowerCamelCase($0.name)): \(swift($0.value.expression, .command))" }
        return
            ".\(Naming.identifier(emit.event))(\(Naming.upperCamelCase(emit.event))(\(arguments.joined(separator: ", "))))"
    }

    // MARK: Events

    private func event(_ checked: CheckedEvent, spec: Spec) -> EventViewModel {
        let event = checked.spec
        let fields = event.fields.map { field in
            FieldViewModel(
                identifier: Naming.identifier(field.name.value),
                keyLiteral: swiftStringLiteral(field.name.value),
                swiftType: Self.swiftType(field.type.value),
                initialValue: nil,
                isLast: false
            )
        }
        var previousLine: Int?
        let applies = checked.applies.map { apply in
            var line = mapped(
                "self.\(Naming.identifier(apply.field)) = \(swift(apply.value.expression, .event))",
                at: apply.value.location,
                spec: spec
            )
            if previousLine == apply.value.location.line { line.directive = nil }
            previousLine = apply.value.location.line
            return line
        }
        let usesEvent = checked.applies.contains { $0.value.expression.readsEventFields }
        let steps = steps(checked, aggregateType: spec.aggregate.value, spec: spec)
        let oldestVersion = steps.first?.from ?? max(event.version, 1)
        return EventViewModel(
            name: event.name.value,
            caseName: Naming.identifier(event.name.value),
            typeName: Naming.upperCamelCase(event.name.value),
            schemaVersion: event.version,
            fields: Self.markLast(fields),
            hasFields: !fields.isEmpty,
            initParameters: Self.parameterList(fields),
            binding: usesEvent ? "(let event)" : "",
            applies: applies,
            hasApplies: !applies.isEmpty,
            casePatterns: casePatterns(event),
            steps: steps,
            hasSteps: !steps.isEmpty,
            generatedSteps: steps.filter { !$0.isHandwritten },
            oldestVersion: oldestVersion,
            hasRetiredVersions: oldestVersion > 1
        )
    }

    // MARK: Queries

    private func query(_ checked: CheckedQuery, spec: Spec) -> QueryViewModel {
        let query = checked.spec
        let properties = checked.params.map(property)
        let conditions = checked.conditions.map { condition in
            "state.\(Naming.identifier(condition.field)) == \(swift(condition.value.expression, .query))"
        }
        let fieldTypes = Dictionary(spec.state.map { ($0.name.value, $0.type.value) }, uniquingKeysWith: { a, _ in a })
            .merging(["id": .uuid]) { _, id in id }
        let indexed = checked.conditions.first { condition in
            let expression = condition.value.expression
            return fieldTypes[condition.field].map { !$0.isOptional && $0 == expression.type } == true
                && !expression.readsState && !expression.readsNow
        }
        return QueryViewModel(
            name: query.name.value,
            caseName: Naming.identifier(query.name.value),
            typeName: Naming.upperCamelCase(query.name.value),
            returns: ".\(query.returns.rawValue)",
            isOne: query.returns == .one,
            properties: properties,
            hasProperties: !properties.isEmpty,
            initParameters: Self.parameterList(properties),
            params: paramsViewModel(
                checked.params.map(read),
                requiredNames: checked.params.filter(\.isRequiredInSwift).map { Naming.identifier($0.spec.name.value) },
                properties: properties
            ),
            condition: mapped(
                conditions.isEmpty ? "true" : conditions.joined(separator: " && "),
                at: checked.conditions.first?.value.location ?? query.name.location,
                spec: spec
            ),
            index: indexed.map { condition in
                IndexViewModel(
                    fieldLiteral: swiftStringLiteral(condition.field),
                    value: mapped(
                        "Value(\(swift(condition.value.expression, .query)))",
                        at: condition.value.location,
                        spec: spec
                    )
                )
            }
        )
    }

    // MARK: Params

    private func property(_ param: CheckedParam) -> FieldViewModel {
        FieldViewModel(
            identifier: Naming.identifier(param.spec.name.value),
            keyLiteral: swiftStringLiteral(param.spec.name.value),
            swiftType: Self.swiftType(param.type),
            initialValue: param.defaultValue.map(SwiftLiteral.swift) ?? (param.type.isOptional ? "nil" : nil),
            isLast: false
        )
    }

    private func read(_ param: CheckedParam) -> ParamReadViewModel {
        let name = param.spec.name.value
        var arguments = [swiftStringLiteral(name), Self.paramType(param.type.unwrapped, message: param.typeMessage)]
        if let defaultValue = param.defaultValue { arguments.append("default: \(SwiftLiteral.swift(defaultValue))") }
        if let present = param.presentMessage, param.type == .string, param.defaultValue == nil {
            arguments.append("presentMessage: \(swiftStringLiteral(present))")
        }
        if !param.rules.isEmpty {
            let rules = param.rules.map { rule in
                ".\(Self.ruleMethod(rule.kind))(\(SwiftLiteral.swift(rule.argument)), message: \(swiftStringLiteral(rule.message)))"
            }
            arguments.append("rules: [\(rules.joined(separator: ", "))]")
        }
        let method = param.type.isOptional && param.defaultValue == nil ? "optional" : "required"
        let inline = arguments.joined(separator: ", ")
        let fits = inline.count <= 60 && arguments.count <= 2
        return ParamReadViewModel(
            identifier: Naming.identifier(name),
            method: method,
            inlineArguments: fits ? inline : nil,
            arguments: fits ? [] : ListItem.items(arguments)
        )
    }

    /// The typed check of one param in a command's `validate()`: its rules, and `must be
    /// present` for a required string; `nil` when its Swift type guarantees all that
    /// ``read(_:)`` checks.
    private func check(_ param: CheckedParam) -> ParamReadViewModel? {
        let name = param.spec.name.value
        let checksPresence = param.type == .string && param.defaultValue == nil
        guard checksPresence || !param.rules.isEmpty else { return nil }
        var arguments = [swiftStringLiteral(name), "self.\(Naming.identifier(name))"]
        if checksPresence, let present = param.presentMessage {
            arguments.append("presentMessage: \(swiftStringLiteral(present))")
        }
        let rules = param.rules.map { rule in
            ".\(Self.ruleMethod(rule.kind))(\(SwiftLiteral.swift(rule.argument)), message: \(swiftStringLiteral(rule.message)))"
        }
        if !rules.isEmpty {
            arguments.append("rules: [\(rules.joined(separator: ", "))]")
        }
        let method = param.type.isOptional ? "optional" : param.defaultValue != nil ? "defaulted" : "required"
        let inline = arguments.joined(separator: ", ")
        let fits = inline.count <= 60 && arguments.count <= 2
        return ParamReadViewModel(
            identifier: Naming.identifier(name),
            method: method,
            inlineArguments: fits ? inline : nil,
            arguments: fits ? [] : ListItem.items(arguments)
        )
    }

    private func paramsViewModel(
        _ reads: [ParamReadViewModel],
        requiredNames: [String],
        properties: [FieldViewModel],
        checks: [ParamReadViewModel] = []
    ) -> ParamsViewModel {
        let declared = properties.map(\.keyLiteral)
        return ParamsViewModel(
            readerKeyword: reads.isEmpty ? "let" : "var",
            declaredLiteral: "[" + declared.joined(separator: ", ") + "]",
            reads: reads,
            guardBindings: requiredNames.map { "let \($0), " }.joined(),
            initArguments: properties.map { "\($0.label): \($0.identifier)" }.joined(separator: ", "),
            checks: checks
        )
    }

    // MARK: Swift text

    /// An expression's Swift where references are spelt as `names` says.
    private func swift(_ expression: CheckedExpression, _ names: SwiftNames) -> String {
        SwiftExpressionRenderer.render(expression, names: names)
    }

    func mapped(_ swift: String, at location: SourceLocation, spec: Spec) -> MappedLine {
        MappedLine(
            directive: "#sourceLocation(file: \(swiftStringLiteral(spec.file)), line: \(location.line))",
            swift: swift
        )
    }

    /// Text as lines of a `//` or `///` comment: split at every line break Swift knows, with
    /// other control characters written as `\u{X}` so nothing can end the comment early.
    static func commentLines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { line in
                line.unicodeScalars.map { scalar in
                    scalar.properties.generalCategory == .control && scalar != "\t"
                        ? unicodeEscape(scalar) : String(scalar)
                }.joined()
            }
    }

    /// `LibraryLoan` → `library loan`: how doc comments name one aggregate.
    static func words(_ typeName: String) -> String {
        var words: [String] = []
        for character in typeName {
            if character.isUppercase || words.isEmpty {
                words.append(character.lowercased())
            } else {
                words[words.count - 1].append(character)
            }
        }
        return words.joined(separator: " ")
    }

    /// The last path component of the spec, for the header comment.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// An argument label: identifiers need no backticks as labels, except `_`-like cases.
    static func label(_ identifier: String) -> String {
        identifier.replacingOccurrences(of: "`", with: "")
    }

    static func parameterList(_ fields: [FieldViewModel]) -> String {
        fields.map { field in
            "\(field.label): \(field.swiftType)" + (field.initialValue.map { " = \($0)" } ?? "")
        }.joined(separator: ", ")
    }

    static func markLast(_ fields: [FieldViewModel]) -> [FieldViewModel] {
        fields.enumerated().map { index, field in
            var field = field
            field.isLast = index == fields.count - 1
            return field
        }
    }

    static func arrayLiteral(_ strings: [String]) -> String {
        "[" + strings.map(swiftStringLiteral).joined(separator: ", ") + "]"
    }

    static func swiftType(_ type: SpecType) -> String {
        switch type {
        case .uuid: "UUID"
        case .string: "String"
        case .int: "Int"
        case .double: "Double"
        case .decimal: "Decimal"
        case .bool: "Bool"
        case .date: "Date"
        case .list(let element): "[\(swiftType(element))]"
        case .optional(let wrapped): "\(swiftType(wrapped))?"
        }
    }

    static func initialValue(_ type: SpecType) -> String {
        switch type {
        case .uuid: "UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))"
        case .string: "\"\""
        case .int, .double, .decimal: "0"
        case .bool: "false"
        case .date: "Date(timeIntervalSince1970: 0)"
        case .list: "[]"
        case .optional: "nil"
        }
    }

    static func paramType(_ type: SpecType, message: String?) -> String {
        let base: String =
            switch type {
            case .uuid: ".uuid"
            case .string: ".string"
            case .int: ".int"
            case .double: ".double"
            case .decimal: ".decimal"
            case .bool: ".bool"
            case .date: ".date"
            case .list(let element): ".list(of: \(paramType(element, message: nil)))"
            case .optional(let wrapped): ".optional(\(paramType(wrapped, message: nil)))"
            }
        return message.map { "\(base).message(\(swiftStringLiteral($0)))" } ?? base
    }

    static func ruleMethod(_ kind: RuleSpec.Kind) -> String {
        switch kind {
        case .min: "min"
        case .max: "max"
        case .greaterThan: "greaterThan"
        case .lessThan: "lessThan"
        case .minLength: "minLength"
        case .maxLength: "maxLength"
        case .format: "format"
        case .oneOf: "oneOf"
        }
    }
}

extension CheckedParam {
    /// Whether the Swift property is non-optional, so the reader's result must be unwrapped.
    var isRequiredInSwift: Bool { !type.isOptional }
}

extension CheckedCommand {
    /// Whether any of the command's rules, emitted fields or conditions reads what `reads` asks
    /// about (`\.readsState`, `\.readsParams`).
    func reads(_ reads: (CheckedExpression) -> Bool) -> Bool {
        rules.contains { reads($0.check.expression) }
            || emits.contains { emit in
                emit.fields.contains { reads($0.value.expression) } || emit.when.map { reads($0.expression) } == true
            }
    }
}
