import Foundation

/// How a param's JSON-like value becomes a Swift value, and the message when it cannot.
///
/// Generated code names the spec language's types through the static members:
/// `.uuid`, `.string`, `.int`, `.double`, `.decimal`, `.bool`, `.date`, `.list(of:)`.
public struct ParamType<Wrapped: Sendable>: Sendable {
    /// The message given when the value is missing, null or of the wrong type.
    public let message: String
    @usableFromInline let convert: @Sendable (Value) -> Conversion

    /// The result of converting one value.
    public enum Conversion: Sendable {
        /// The value converted.
        case success(Wrapped)
        /// The value is wrong: these messages say why.
        case failure([String])
    }

    /// A type with its message and conversion.
    /// - Parameters:
    ///   - message: The message for a missing, null or mistyped value.
    ///   - convert: The conversion; `nil` means the value has the wrong type.
    public init(message: String, convert: @escaping @Sendable (Value) -> Wrapped?) {
        self.message = message
        self.convert = { value in convert(value).map(Conversion.success) ?? .failure([message]) }
    }

    private init(message: String, conversion: @escaping @Sendable (Value) -> Conversion) {
        self.message = message
        self.convert = conversion
    }

    /// Converts a value that is present and not null.
    @inlinable
    public func convert(_ value: Value) -> Conversion {
        convert(value)
    }

    /// The same type with another message, for a param's `message:` or `messages: { type: ... }`.
    public func message(_ message: String) -> ParamType {
        let convert = self.convert
        return ParamType(message: message) { value in
            switch convert(value) {
            case .success(let converted): .success(converted)
            case .failure: .failure([message])
            }
        }
    }
}

extension ParamType where Wrapped == UUID {
    /// A UUID in its canonical 8-4-4-4-12 hexadecimal form, any case.
    public static var uuid: ParamType {
        ParamType(message: ValidationMessage.uuid) { UUID(value: $0) }
    }
}

extension ParamType where Wrapped == String {
    /// Any JSON string.
    public static var string: ParamType {
        ParamType(message: ValidationMessage.string) { String(value: $0) }
    }
}

extension ParamType where Wrapped == Int {
    /// An integral JSON number: `100.0` is 100.
    public static var int: ParamType {
        ParamType(message: ValidationMessage.int) { Int(value: $0) }
    }
}

extension ParamType where Wrapped == Double {
    /// Any JSON number.
    public static var double: ParamType {
        ParamType(message: ValidationMessage.number) { Double(value: $0) }
    }
}

extension ParamType where Wrapped == Decimal {
    /// Any JSON number, kept as a decimal.
    public static var decimal: ParamType {
        ParamType(message: ValidationMessage.number) { $0.decimalValue }
    }
}

extension ParamType where Wrapped == Bool {
    /// A JSON boolean; strings and numbers are not converted.
    public static var bool: ParamType {
        ParamType(message: ValidationMessage.bool) { Bool(value: $0) }
    }
}

extension ParamType where Wrapped == Date {
    /// An ISO 8601 timestamp string.
    public static var date: ParamType {
        ParamType(message: ValidationMessage.date) { Date(value: $0) }
    }
}

extension ParamType {
    /// A JSON array whose every element is of the element type.
    ///
    /// Each bad element is reported as `item N <element message>`, N counting from 0.
    public static func list<Element>(of element: ParamType<Element>) -> ParamType where Wrapped == [Element] {
        ParamType(message: ValidationMessage.list) { value in
            guard case .array(let values) = value else { return .failure([ValidationMessage.list]) }
            var elements: [Element] = []
            elements.reserveCapacity(values.count)
            var messages: [String] = []
            for (index, value) in values.enumerated() {
                let conversion: ParamType<Element>.Conversion =
                    value.isNull ? .failure([element.message]) : element.convert(value)
                switch conversion {
                case .success(let converted): elements.append(converted)
                case .failure(let failures): messages += failures.map { ValidationMessage.item(index, $0) }
                }
            }
            return messages.isEmpty ? .success(elements) : .failure(messages)
        }
    }

    /// An optional element inside a list: null is accepted as `nil`.
    public static func optional<Element>(_ element: ParamType<Element>) -> ParamType where Wrapped == Element? {
        ParamType(message: element.message) { value in
            if value.isNull { return .success(nil) }
            switch element.convert(value) {
            case .success(let converted): return .success(converted)
            case .failure(let messages): return .failure(messages)
            }
        }
    }
}
