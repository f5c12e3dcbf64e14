extension ViewModelTranslator {
    /// The `case` patterns of an event in `Event.init(eventType:schemaVersion:payload:)`: its
    /// own type name, then its former ones.
    func casePatterns(_ event: EventSpec) -> String {
        (["\(Naming.upperCamelCase(event.name.value)).eventType"]
            + event.renamedFrom.map { swiftStringLiteral($0.value) })
            .joined(separator: ", ")
    }

    /// The upcast steps of an event, ascending.
    func steps(_ checked: CheckedEvent, aggregateType: String, spec: Spec) -> [UpcastStepViewModel] {
        let event = checked.spec
        let typeName = Naming.upperCamelCase(event.name.value)
        return checked.steps.map { step in
            let requirementName = "upcast\(typeName)"
            let recordedTypes = Dictionary(
                step.fields.map { ($0.name.value, Self.swiftType($0.type.value)) },
                uniquingKeysWith: { first, _ in first }
            )
            let names = SwiftNames.upcast(recordedTypes)
            var sets: [MappedLine] = []
            var drops: [String] = []
            var readsFields = false
            var previousLine: Int?
            for change in step.changes {
                switch change {
                case .set(let field, let value):
                    let expression = value.expression
                    let reads = expression.readsEventFields
                    readsFields = readsFields || reads
                    let swift =
                        expression.isNull
                        ? ".null"
                        : "\(reads ? "try " : "")Value(\(SwiftExpressionRenderer.render(expression, names: names)))"
                    var line = mapped("upcast[\(swiftStringLiteral(field))] = \(swift)", at: value.location, spec: spec)
                    if previousLine == value.location.line { line.directive = nil }
                    previousLine = value.location.line
                    sets.append(line)
                case .drop(let field):
                    drops.append(swiftStringLiteral(field))
                }
            }
            let label = "fromVersion\(step.from)"
            return UpcastStepViewModel(
                from: step.from,
                next: step.from + 1,
                eventName: event.name.value,
                recordedFields: step.fields.map { "\($0.name.value): \($0.type.value)" }.joined(separator: ", "),
                call: step.isHandwritten
                    ? "\(aggregateType).\(requirementName)(\(label): payload)" : "Self.upcast(\(label): payload)",
                requirementName: requirementName,
                readsFields: readsFields,
                sets: sets,
                hasSets: !sets.isEmpty,
                drops: drops,
                hasChanges: !sets.isEmpty || !drops.isEmpty,
                isHandwritten: step.isHandwritten
            )
        }
    }
}
