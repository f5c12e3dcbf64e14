/// Type-checks a parsed expression against a scope, producing a `TypedExpression`.
///
/// Errors are collected rather than thrown, so that independent mistakes (`amout + balanse`) are
/// all reported; a subexpression with an error yields `nil`, and nothing above it reports again.
///
/// Number literals adapt to the number type they meet: `amount > 0` with `amount: double` compares
/// with `0.0`, and a literal with a fraction is a `double` unless it meets a `decimal`. An `int`
/// mixed with a `double` or `decimal` is converted explicitly (`Double(x)`); `double` mixed with
/// `decimal` is an error. An expected type only adapts literals: it never changes how an
/// expression of ints computes (`a / b` stays an integer division, converted afterwards).
struct ExpressionTypeChecker {
    let scope: ExpressionScope
    /// The errors found so far, in the order found.
    var errors: [ExpressionError] = []

    /// A checker for expressions in `scope`.
    init(scope: ExpressionScope) {
        self.scope = scope
    }

    /// The typed expression, converted to `expecting` when that is given; or the errors.
    static func check(
        _ node: ExpressionNode,
        in scope: ExpressionScope,
        expecting: SpecType?
    ) -> (TypedExpression?, [ExpressionError]) {
        var checker = ExpressionTypeChecker(scope: scope)
        let typed = checker.infer(node, hint: expecting)
        guard let typed else { return (nil, checker.errors) }
        guard let expecting else {
            if typed.type == nil {
                checker.error("cannot tell the type of null here", at: node.range.start)
                return (nil, checker.errors)
            }
            return (typed, checker.errors)
        }
        guard let converted = converted(typed, to: expecting) else {
            let note = typed.type == nil ? " (\(expecting) is not optional)" : ""
            checker.error(
                "expected \(expecting), but the expression is \(describe(typed.type))\(note)",
                at: node.range.start
            )
            return (nil, checker.errors)
        }
        return (converted, checker.errors)
    }

    /// Records an error.
    mutating func error(_ message: String, at offset: Int) {
        errors.append(ExpressionError(message, at: offset))
    }

    /// The typed form of `node`. `hint` is the number type a literal should take if it can
    /// (the type of what the literal meets, or the expected type of a literal-only expression).
    mutating func infer(_ node: ExpressionNode, hint: SpecType?) -> TypedExpression? {
        switch node.kind {
        case .integer(let digits):
            return integerLiteral(digits, negative: false, hint: hint, at: node.range.start)
        case .fraction(let text):
            return fractionLiteral(text, hint: hint, at: node.range.start)
        case .string(let value):
            return TypedExpression(.string(value), .string)
        case .bool(let value):
            return TypedExpression(.bool(value), .bool)
        case .null:
            return TypedExpression(.null, nil)
        case .now:
            return now(at: node.range.start)
        case .name(let name):
            return resolve(name, at: node.range.start)
        case .stateField(let field, let fieldRange):
            return stateField(field, at: node.range.start, fieldAt: fieldRange.start)
        case .unary(let op, let operand):
            return unary(op, operand, hint: hint, at: node.range.start)
        case .binary(let op, let lhs, let rhs, let operatorRange):
            return binary(op, lhs, rhs, hint: hint, at: operatorRange.start)
        case .count(let base, let propertyRange):
            return count(base, at: propertyRange.start)
        case .call(let name, let arguments):
            return call(name, arguments, at: node.range.start)
        }
    }

    // MARK: Names

    private mutating func now(at offset: Int) -> TypedExpression? {
        guard scope.allowsNow else {
            error("'now' cannot be used here" + Self.reason(scope.unavailableNowReason), at: offset)
            return nil
        }
        return TypedExpression(.reference(.now), .date)
    }

    private mutating func resolve(_ name: String, at offset: Int) -> TypedExpression? {
        if let binding = scope.names[name] {
            return TypedExpression(.reference(binding.reference), binding.type)
        }
        var message = "unknown name \(ExpressionText.quoted(name))"
        if let suggestion = Suggestion.closest(to: name, in: scope.names.keys) {
            message += "; did you mean '\(suggestion)'?"
        } else if scope.stateFields?[name] != nil {
            message += "; did you mean 'state.\(name)'?"
        } else if ExpressionFunction(rawValue: name) != nil {
            message += "; '\(name)' is a function: \(name)(list, x)"
        }
        error(message, at: offset)
        return nil
    }

    private mutating func stateField(_ field: String, at offset: Int, fieldAt fieldOffset: Int) -> TypedExpression? {
        guard let fields = scope.stateFields else {
            error("'state' cannot be used here" + Self.reason(scope.unavailableStateReason), at: offset)
            return nil
        }
        guard let type = fields[field] else {
            var message = "state has no field \(ExpressionText.quoted(field))"
            if let suggestion = Suggestion.closest(to: field, in: fields.keys) {
                message += "; did you mean '\(suggestion)'?"
            }
            error(message, at: fieldOffset)
            return nil
        }
        return TypedExpression(.reference(.stateField(field)), type)
    }

    private static func reason(_ reason: String?) -> String {
        guard let reason, !reason.isEmpty else { return "" }
        return ": " + reason
    }

    // MARK: Types

    /// A type for messages; `null` for the type of `null`.
    static func describe(_ type: SpecType?) -> String {
        type.map(\.description) ?? "null"
    }

    /// `expression` as a value of type `target`, if it is one or converts to one implicitly:
    /// `null` to an optional, `T` to `T?`, `int` to `double` or `decimal` (made explicit).
    static func converted(_ expression: TypedExpression, to target: SpecType) -> TypedExpression? {
        guard let type = expression.type else {
            return target.isOptional ? TypedExpression(.null, target) : nil
        }
        if type == target { return expression }
        if case .optional(let wrapped) = target, !type.isOptional {
            return converted(expression, to: wrapped)
        }
        if type == .int, target == .double || target == .decimal {
            return TypedExpression(.convert(target, expression), target)
        }
        return nil
    }
}
