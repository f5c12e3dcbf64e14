import Foundation

/// A JSON-like value: what commands and queries take as params, what event payloads are
/// made of, and how the dynamic API shows an aggregate's state.
///
/// `Value` is expressible by literals, so params read naturally:
///
/// ```swift
/// let params: Params = ["user_id": "6f1c…", "balance": 100.0]
/// ```
public enum Value: Sendable, Hashable {
    /// JSON `null`.
    case null
    /// A JSON boolean.
    case bool(Bool)
    /// A JSON number without a fraction or exponent that fits in an `Int`.
    case int(Int)
    /// Any other JSON number.
    case double(Double)
    /// A decimal number kept without binary rounding.
    case decimal(Decimal)
    /// A JSON string.
    case string(String)
    /// A JSON array.
    case array([Value])
    /// A JSON object; its keys keep their order.
    case object(Params)
}

extension Value {
    /// Whether the value is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The string, when the value is a string.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The boolean, when the value is a boolean.
    public var boolValue: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }

    /// The number as a `Double`, when the value is any kind of number.
    public var doubleValue: Double? {
        switch self {
        case .int(let int): Double(int)
        case .double(let double): double
        case .decimal(let decimal): NSDecimalNumber(decimal: decimal).doubleValue
        default: nil
        }
    }

    /// The number as a `Decimal`, when the value is any kind of number.
    ///
    /// A `Double` converts through its shortest decimal representation, so `0.1` becomes
    /// exactly `0.1` rather than the nearest binary fraction.
    public var decimalValue: Decimal? {
        switch self {
        case .int(let int): Decimal(int)
        case .double(let double): double.isFinite ? Decimal(string: "\(double)") : nil
        case .decimal(let decimal): decimal
        default: nil
        }
    }

    /// The number as an `Int`, when the value is an integral number that fits.
    public var intValue: Int? {
        switch self {
        case .int(let int):
            return int
        case .double(let double):
            guard double.rounded() == double, let int = Int(exactly: double) else { return nil }
            return int
        case .decimal(let decimal):
            guard let int = Int(exactly: NSDecimalNumber(decimal: decimal).doubleValue),
                Decimal(int) == decimal
            else { return nil }
            return int
        default:
            return nil
        }
    }

    /// The elements, when the value is an array.
    public var arrayValue: [Value]? {
        if case .array(let array) = self { return array }
        return nil
    }

    /// The members, when the value is an object.
    public var objectValue: Params? {
        if case .object(let object) = self { return object }
        return nil
    }
}

extension Value: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension Value: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension Value: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension Value: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension Value: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension Value: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
}

extension Value: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .object(Params(elements))
    }
}
