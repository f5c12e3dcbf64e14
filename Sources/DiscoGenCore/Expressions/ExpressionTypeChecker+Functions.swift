extension ExpressionTypeChecker {
    /// `.count` on a list or a string; `offset` is the property's.
    mutating func count(_ baseNode: ExpressionNode, at offset: Int) -> TypedExpression? {
        guard let base = infer(baseNode, hint: nil) else { return nil }
        switch base.type {
        case .list?, .string?:
            return TypedExpression(.count(base), .int)
        default:
            error("'.count' needs a list or a string, not \(Self.describeOperand(base.type))", at: offset)
            return nil
        }
    }

    /// `contains`, `append` or `remove`; `offset` is the function name's.
    mutating func call(_ name: String, _ arguments: [ExpressionNode], at offset: Int) -> TypedExpression? {
        guard let function = ExpressionFunction(rawValue: name) else {
            let names = ExpressionFunction.allCases.map(\.rawValue)
            let hint = Suggestion.closest(to: name, in: names).map { "did you mean '\($0)'?" }
                ?? "the functions are \(ExpressionText.list(names.sorted()))"
            error("unknown function \(ExpressionText.quoted(name)); \(hint)", at: offset)
            for argument in arguments { _ = infer(argument, hint: nil) }
            return nil
        }
        guard arguments.count == 2 else {
            error(
                "'\(name)' takes 2 arguments (\(function.arguments)), not \(arguments.count)", at: offset)
            for argument in arguments { _ = infer(argument, hint: nil) }
            return nil
        }
        let base = infer(arguments[0], hint: nil)
        guard let base else {
            _ = infer(arguments[1], hint: nil)
            return nil
        }
        let valueOffset = arguments[1].range.start
        if function == .contains, base.type == .string {
            guard let value = infer(arguments[1], hint: nil) else { return nil }
            guard value.type == .string else {
                error("cannot look for \(Self.describe(value.type)) in a string; it needs a string", at: valueOffset)
                return nil
            }
            return TypedExpression(.contains(base, value), .bool)
        }
        guard case .list(let element)? = base.type else {
            let what = function == .contains ? "a list or a string" : "a list"
            error(
                "'\(name)' needs \(what) as its first argument, not \(Self.describeOperand(base.type))",
                at: arguments[0].range.start)
            _ = infer(arguments[1], hint: nil)
            return nil
        }
        guard let value = infer(arguments[1], hint: element) else { return nil }
        guard let converted = Self.converted(value, to: element) else {
            let type = Self.describe(value.type)
            let message = switch function {
            case .contains: "cannot look for \(type) in \(Self.describe(base.type))"
            case .append: "cannot append \(type) to \(Self.describe(base.type))"
            case .remove: "cannot remove \(type) from \(Self.describe(base.type))"
            }
            error(message, at: valueOffset)
            return nil
        }
        switch function {
        case .contains: return TypedExpression(.contains(base, converted), .bool)
        case .append: return TypedExpression(.append(base, converted), base.type)
        case .remove: return TypedExpression(.remove(base, converted), base.type)
        }
    }
}
