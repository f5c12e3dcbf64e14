import Foundation

/// A Swift type that converts to and from a JSON-like ``Value``: the types of the spec
/// language, lists of them, and optionals of them.
///
/// Generated code uses it to write and read event payloads and to show states.
public protocol ValueConvertible: Sendable {
    /// The value read back; `nil` when the value does not hold this type.
    init?(value: Value)
    /// The value that stands for this one.
    var value: Value { get }
}

extension Value {
    /// The value that stands for a convertible Swift value.
    public init<Converted: ValueConvertible>(_ converted: Converted) {
        self = converted.value
    }
}

extension UUID: ValueConvertible {
    /// A canonical 8-4-4-4-12 UUID string, any case.
    public init?(value: Value) {
        guard case .string(let string) = value, string.utf8.count == 36 else { return nil }
        self.init(text: string)
    }

    /// The UUID in lowercase canonical form.
    public var value: Value { .string(lowercasedText) }
}

extension String: ValueConvertible {
    /// A string.
    public init?(value: Value) {
        guard case .string(let string) = value else { return nil }
        self = string
    }

    /// The string.
    public var value: Value { .string(self) }
}

extension Int: ValueConvertible {
    /// An integral number.
    public init?(value: Value) {
        guard let int = value.intValue else { return nil }
        self = int
    }

    /// The number.
    public var value: Value { .int(self) }
}

extension Double: ValueConvertible {
    /// Any number.
    public init?(value: Value) {
        guard let double = value.doubleValue else { return nil }
        self = double
    }

    /// The number.
    public var value: Value { .double(self) }
}

extension Decimal: ValueConvertible {
    /// Any number, or a string holding a decimal number (how payloads keep decimals exact).
    public init?(value: Value) {
        if case .string(let string) = value {
            guard let decimal = Decimal(string: string, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
            self = decimal
            return
        }
        guard let decimal = value.decimalValue else { return nil }
        self = decimal
    }

    /// The number, kept exact.
    public var value: Value { .decimal(self) }
}

extension Bool: ValueConvertible {
    /// A boolean.
    public init?(value: Value) {
        guard case .bool(let bool) = value else { return nil }
        self = bool
    }

    /// The boolean.
    public var value: Value { .bool(self) }
}

extension Date: ValueConvertible {
    /// An ISO 8601 timestamp.
    public init?(value: Value) {
        guard case .string(let string) = value, let date = ISO8601.date(from: string) else { return nil }
        self = date
    }

    /// The timestamp, in UTC with milliseconds.
    public var value: Value { .string(ISO8601.string(from: self)) }
}

extension Array: ValueConvertible where Element: ValueConvertible {
    /// A list whose every element converts.
    public init?(value: Value) {
        guard case .array(let values) = value else { return nil }
        var elements: [Element] = []
        elements.reserveCapacity(values.count)
        for value in values {
            guard let element = Element(value: value) else { return nil }
            elements.append(element)
        }
        self = elements
    }

    /// The list.
    public var value: Value { .array(map(\.value)) }
}

extension Optional: ValueConvertible where Wrapped: ValueConvertible {
    /// `nil` for null, otherwise the converted value.
    public init?(value: Value) {
        if value.isNull {
            self = .none
            return
        }
        guard let wrapped = Wrapped(value: value) else { return nil }
        self = .some(wrapped)
    }

    /// Null for `nil`.
    public var value: Value { self?.value ?? .null }
}
