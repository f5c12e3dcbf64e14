import Foundation

/// A type of the spec language: `uuid`, `string`, `int`, `double`, `decimal`, `bool`,
/// `date`, `list<T>` and `T?`.
public indirect enum SpecType: Sendable, Hashable, CustomStringConvertible {
    /// A UUID.
    case uuid
    /// A string.
    case string
    /// A 64-bit integer.
    case int
    /// A binary floating-point number.
    case double
    /// A decimal number (Foundation `Decimal`).
    case decimal
    /// A boolean.
    case bool
    /// A point in time, written as an ISO 8601 timestamp.
    case date
    /// A list of values of one type.
    case list(SpecType)
    /// A value that may be null.
    case optional(SpecType)

    /// The names of the scalar types, as written in specs.
    public static let scalarNames: [String: SpecType] = [
        "uuid": .uuid, "string": .string, "int": .int, "double": .double,
        "decimal": .decimal, "bool": .bool, "date": .date,
    ]

    /// Parses a type as written in a spec: `uuid`, `list<string>`, `int?`, `list<date?>?`.
    /// - Returns: The type, or `nil` when the text is not a type.
    public init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("?") {
            guard let wrapped = SpecType(parsing: String(text.dropLast())), !wrapped.isOptional else { return nil }
            self = .optional(wrapped)
        } else if text.hasPrefix("list<"), text.hasSuffix(">") {
            guard let element = SpecType(parsing: String(text.dropFirst(5).dropLast())) else { return nil }
            self = .list(element)
        } else if let scalar = SpecType.scalarNames[text] {
            self = scalar
        } else {
            return nil
        }
    }

    /// Whether the type is `T?`.
    public var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    /// The type without its optional, if any.
    public var unwrapped: SpecType {
        if case .optional(let wrapped) = self { return wrapped }
        return self
    }

    /// Whether the type is a number: `int`, `double` or `decimal`.
    public var isNumber: Bool {
        switch self {
        case .int, .double, .decimal: true
        default: false
        }
    }

    /// The type as written in a spec.
    public var description: String {
        switch self {
        case .uuid: "uuid"
        case .string: "string"
        case .int: "int"
        case .double: "double"
        case .decimal: "decimal"
        case .bool: "bool"
        case .date: "date"
        case .list(let element): "list<\(element)>"
        case .optional(let wrapped): "\(wrapped)?"
        }
    }
}
