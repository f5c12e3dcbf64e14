import Foundation

extension SpecCheckRun {
    /// Checks a param's type, default and rules, and resolves their messages.
    mutating func checkParam(_ param: ParamSpec, of what: String) -> CheckedParam {
        let name = param.name.value
        let type: SpecType =
            param.isOptional && !param.type.value.isOptional ? .optional(param.type.value) : param.type.value
        let base = type.unwrapped
        for (key, message) in param.messages where key == "present" && base != .string {
            diagnostics.error("'present' applies to string params only; '\(name)' is \(base)", at: message.location)
        }
        var checked = CheckedParam(
            spec: param,
            type: type,
            defaultValue: nil,
            typeMessage: param.messages["type"]?.value ?? param.message?.value,
            presentMessage: param.messages["present"]?.value ?? param.message?.value,
            rules: []
        )
        if let defaultValue = param.defaultValue {
            checked.defaultValue = literal(defaultValue, of: type, what: "the default of param '\(name)'")
        }
        for rule in param.rules {
            guard let argument = ruleArgument(rule, type: base, param: name) else { continue }
            let message =
                param.messages[rule.kind.rawValue]?.value ?? param.message?.value
                ?? defaultMessage(rule)
            checked.rules.append((rule.kind, argument, message))
        }
        return checked
    }

    /// The message of a rule, as the spec language gives it.
    private func defaultMessage(_ rule: RuleSpec) -> String {
        let text = rule.arguments.first?.value.text ?? ""
        switch rule.kind {
        case .min: return "must be a number greater than or equal to \(text)"
        case .max: return "must be a number less than or equal to \(text)"
        case .greaterThan: return "must be a number greater than \(text)"
        case .lessThan: return "must be a number less than \(text)"
        case .minLength: return "must have a length of at least \(text)"
        case .maxLength: return "must have a length of no more than \(text)"
        case .format: return "must have the correct format"
        case .oneOf:
            return "must be one of [" + rule.arguments.map { "\"\($0.value.text)\"" }.joined(separator: ", ") + "]"
        }
    }

    /// The argument of a rule, after checking it applies to the type.
    private mutating func ruleArgument(_ rule: RuleSpec, type: SpecType, param: String) -> RuleArgument? {
        let key = rule.kind.rawValue
        switch rule.kind {
        case .min, .max, .greaterThan, .lessThan:
            guard type.isNumber else {
                diagnostics.error("'\(key)' applies to numbers only; '\(param)' is \(type)", at: rule.location)
                return nil
            }
            guard let argument = rule.arguments.first else { return nil }
            return literal(argument, of: type, what: "'\(key)' of param '\(param)'").map(RuleArgument.number)
        case .minLength, .maxLength:
            switch type {
            case .string, .list: break
            default:
                diagnostics.error(
                    "'\(key)' applies to strings and lists only; '\(param)' is \(type)",
                    at: rule.location
                )
                return nil
            }
            guard let argument = rule.arguments.first else { return nil }
            guard !argument.value.isQuoted, let length = Int(argument.value.text), length >= 0 else {
                diagnostics.error(
                    "'\(key)' must be a whole number of 0 or more, found '\(argument.value.text)'",
                    at: argument.location
                )
                return nil
            }
            return .length(length)
        case .format:
            guard type == .string else {
                diagnostics.error("'format' applies to strings only; '\(param)' is \(type)", at: rule.location)
                return nil
            }
            guard let argument = rule.arguments.first else { return nil }
            do {
                _ = try NSRegularExpression(pattern: argument.value.text)
            } catch {
                diagnostics.error(
                    "'format' of param '\(param)' is not a valid regular expression",
                    at: argument.location
                )
                return nil
            }
            return .pattern(argument.value.text)
        case .oneOf:
            guard type == .string else {
                diagnostics.error("'in' applies to strings only; '\(param)' is \(type)", at: rule.location)
                return nil
            }
            guard !rule.arguments.isEmpty else {
                diagnostics.error("'in' of param '\(param)' needs at least one choice", at: rule.location)
                return nil
            }
            return .choices(rule.arguments.map(\.value.text))
        }
    }

    /// A scalar from the spec as a value of a type; an error when it is not of the type.
    mutating func literal(_ scalar: Located<ScalarText>, of type: SpecType, what: String) -> SpecValue? {
        let text = scalar.value.text
        let plain = scalar.value.isQuoted ? nil : text
        func mismatch() -> SpecValue? {
            diagnostics.error("\(what) must be \(SpecLiteral.article(type)), found '\(text)'", at: scalar.location)
            return nil
        }
        switch type {
        case .optional(let wrapped):
            if plain == "null" || plain == "~" { return .null }
            return literal(scalar, of: wrapped, what: what)
        case .int:
            guard let plain, let int = Int(plain) else { return mismatch() }
            return .int(int)
        case .double:
            guard let plain, SpecLiteral.isNumber(plain) else { return mismatch() }
            return .double(plain)
        case .decimal:
            guard let plain, SpecLiteral.isDecimal(plain) else { return mismatch() }
            return .decimal(plain)
        case .bool:
            guard let plain, plain == "true" || plain == "false" else { return mismatch() }
            return .bool(plain == "true")
        case .string:
            return .string(text)
        case .uuid:
            guard let uuid = UUID(uuidString: text), text.utf8.count == 36 else { return mismatch() }
            return .uuid(uuid)
        case .date:
            guard let date = SpecLiteral.date(text) else { return mismatch() }
            return .date(date)
        case .list:
            diagnostics.error(
                "\(what): lists cannot be written as a single value; leave the default out (lists start empty)",
                at: scalar.location
            )
            return nil
        }
    }
}
