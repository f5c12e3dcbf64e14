import Foundation

/// A boundary check derived from a validation rule: a value just outside the rule is refused
/// with the rule's message, a value on its edge passes.
struct ExampleBoundary: Sendable, Hashable {
    var command: String
    var param: String
    var rule: RuleSpec.Kind
    var argument: String
    var location: SourceLocation
    var message: String
    var baseParams: [ExampleField]
    var refused: ExampleLiteral
    var accepted: ExampleLiteral?
}

extension ExampleTestsRenderer {
    /// The boundary checks of every rule of a command's params for which an example gives
    /// valid params to start from.
    func boundaries(_ spec: CheckedSpec) -> [ExampleBoundary] {
        var result: [ExampleBoundary] = []
        for command in spec.commands {
            let name = command.spec.name.value
            let base = spec.examples.first { example in
                guard example.command == name else { return false }
                if case .invalid = example.then { return false }
                return true
            }
            guard let base else { continue }
            for param in command.params where param.spec.rules.count == param.rules.count {
                let hasFormat = param.spec.rules.contains { $0.kind == .format }
                for (rule, checked) in zip(param.spec.rules, param.rules) {
                    guard let edges = Self.edges(rule, type: param.type.unwrapped, hasFormat: hasFormat) else {
                        continue
                    }
                    result.append(
                        ExampleBoundary(
                            command: name,
                            param: param.spec.name.value,
                            rule: rule.kind,
                            argument: rule.arguments.map(\.value.text).joined(separator: ", "),
                            location: rule.location,
                            message: checked.message,
                            baseParams: base.params.filter { $0.name != param.spec.name.value },
                            refused: edges.refused,
                            accepted: edges.accepted
                        )
                    )
                }
            }
        }
        return result
    }

    /// The value just outside a rule and the value on its edge.
    static func edges(
        _ rule: RuleSpec,
        type: SpecType,
        hasFormat: Bool
    ) -> (refused: ExampleLiteral, accepted: ExampleLiteral?)? {
        let text = rule.arguments.first?.value.text ?? ""
        switch (rule.kind, type) {
        case (.min, .int), (.min, .double), (.min, .decimal):
            return shifted(text, by: -1).map { (.number($0), .number(text)) }
        case (.max, .int), (.max, .double), (.max, .decimal):
            return shifted(text, by: 1).map { (.number($0), .number(text)) }
        case (.greaterThan, .int), (.greaterThan, .double), (.greaterThan, .decimal):
            return shifted(text, by: 1).map { (.number(text), .number($0)) }
        case (.lessThan, .int), (.lessThan, .double), (.lessThan, .decimal):
            return shifted(text, by: -1).map { (.number(text), .number($0)) }
        case (.minLength, .string) where !hasFormat:
            guard let length = Int(text), length >= 2 else { return nil }
            return (.string(String(repeating: "a", count: length - 1)), .string(String(repeating: "a", count: length)))
        case (.maxLength, .string) where !hasFormat:
            guard let length = Int(text), length >= 1, length < 10_000 else { return nil }
            return (.string(String(repeating: "a", count: length + 1)), .string(String(repeating: "a", count: length)))
        case (.oneOf, .string):
            guard let first = rule.arguments.first?.value.text else { return nil }
            let choices = Set(rule.arguments.map(\.value.text))
            var outside = "not-one-of-them"
            while choices.contains(outside) { outside += "-really" }
            return (.string(outside), .string(first))
        default:
            return nil
        }
    }

    /// A number written as in the spec, plus or minus one, written without exponent.
    private static func shifted(_ text: String, by delta: Int) -> String? {
        guard SpecLiteral.isDecimal(text),
            let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
        else {
            return nil
        }
        return "\(value + Decimal(delta))"
    }

    func boundaryTest(
        _ boundary: ExampleBoundary,
        aggregate: String,
        file: String,
        taken: inout Set<String>
    ) -> [String] {
        let title = "\(boundary.command) \(boundary.param) \(boundary.rule.rawValue): \(boundary.argument)"
        let refused = Self.params(boundary.baseParams + [ExampleField(name: boundary.param, value: boundary.refused)])
        var lines = [
            "    /// \(file):\(boundary.location.line): a value just outside the rule is refused with its message\(boundary.accepted == nil ? "" : ", one on its edge passes").",
            "    @Test(\(swiftStringLiteral("boundary of " + title)))",
            "    func \(Self.functionName("boundary " + boundary.command + " " + boundary.param + " " + boundary.rule.rawValue, taken: &taken))() {",
            "        let rule = \(sourceLocationLiteral(file, boundary.location, aggregate: aggregate))",
            "        Scenario<\(aggregate)>()",
            "            .when(\(swiftStringLiteral(boundary.command)), \(refused))",
            "            .thenInvalid(param: \(swiftStringLiteral(boundary.param)), including: \(swiftStringLiteral(boundary.message)), sourceLocation: rule)",
        ]
        if let accepted = boundary.accepted {
            let params = Self.params(boundary.baseParams + [ExampleField(name: boundary.param, value: accepted)])
            lines += [
                "        Scenario<\(aggregate)>()",
                "            .when(\(swiftStringLiteral(boundary.command)), \(params))",
                "            .thenValid(param: \(swiftStringLiteral(boundary.param)), sourceLocation: rule)",
            ]
        }
        lines.append("    }")
        return lines
    }

    func sourceLocationLiteral(_ file: String, _ location: SourceLocation, aggregate: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return
            "SourceLocation(fileID: \(swiftStringLiteral("\(aggregate)Examples/\(name)")), filePath: \(swiftStringLiteral(file)), line: \(location.line), column: \(location.column))"
    }
}
