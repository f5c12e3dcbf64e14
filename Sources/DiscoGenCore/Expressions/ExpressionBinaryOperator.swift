/// An infix operator of the expression language, with Swift's precedence.
enum ExpressionBinaryOperator: String, Sendable, Hashable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and = "&&", or = "||"

    /// How tightly the operator binds; higher binds tighter. Mirrors Swift's precedence groups.
    var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: 3
        case .add, .subtract: 4
        case .multiply, .divide, .remainder: 5
        }
    }

    /// Whether the operator compares (Swift's comparisons do not chain: `a < b < c` is an error).
    var isComparison: Bool { precedence == 3 }

    /// Whether the operator orders (`<`, `<=`, `>`, `>=`) rather than tests equality.
    var isOrdering: Bool {
        switch self {
        case .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }

    /// Whether the operator does arithmetic (`+ - * / %`).
    var isArithmetic: Bool { precedence >= 4 }

    /// The operator for a token, if the token is one.
    init?(_ kind: ExpressionToken.Kind) {
        switch kind {
        case .plus: self = .add
        case .minus: self = .subtract
        case .star: self = .multiply
        case .slash: self = .divide
        case .percent: self = .remainder
        case .equalEqual: self = .equal
        case .bangEqual: self = .notEqual
        case .less: self = .less
        case .lessEqual: self = .lessOrEqual
        case .greater: self = .greater
        case .greaterEqual: self = .greaterOrEqual
        case .ampersandAmpersand: self = .and
        case .pipePipe: self = .or
        default: return nil
        }
    }

    /// The verb for an arithmetic operator in messages: `cannot add int and string`.
    var verb: String {
        switch self {
        case .add: "add"
        case .subtract: "subtract"
        case .multiply: "multiply"
        case .divide: "divide"
        case .remainder: "take the remainder of"
        default: "use '\(rawValue)' on"
        }
    }
}
