import OrderedCollections

/// What was wrong with a command's or query's params, or which business rules it broke:
/// each field mapped to every message that applies to it, in the order they were found.
///
/// Printed as the original library printed it:
///
/// ```
/// {user_id: ["must be a valid UUID string"]}
/// ```
public struct ValidationErrors: Error, Sendable, Hashable {
    /// The messages of each field, fields in the order their first message was added.
    public private(set) var fields: OrderedDictionary<String, [String]>

    /// No errors.
    public init() {
        self.fields = [:]
    }

    /// The given errors.
    public init(_ fields: OrderedDictionary<String, [String]>) {
        self.fields = fields
    }

    /// Whether there is no error at all.
    public var isEmpty: Bool { fields.isEmpty }

    /// The messages of one field; empty when it has none.
    public subscript(field: String) -> [String] { fields[field] ?? [] }

    /// Adds a message to a field.
    public mutating func add(_ message: String, to field: String) {
        fields[field, default: []].append(message)
    }

    /// Adds a message to a field unless a business rule holds.
    ///
    /// ```swift
    /// violations.require(command.amount <= state.balance, "exceeds the balance", for: "amount")
    /// ```
    public mutating func require(_ rule: Bool, _ message: String, for field: String) {
        if !rule { add(message, to: field) }
    }

    /// Adds every message of other errors.
    public mutating func merge(_ other: ValidationErrors) {
        for (field, messages) in other.fields {
            fields[field, default: []].append(contentsOf: messages)
        }
    }

    /// Throws these errors unless there are none.
    public func throwIfAny() throws(ValidationErrors) {
        if !isEmpty { throw self }
    }
}

extension ValidationErrors: ExpressibleByDictionaryLiteral {
    /// Errors written as a literal, as tests compare them: `["amount": ["exceeds the balance"]]`.
    public init(dictionaryLiteral elements: (String, [String])...) {
        self.init(OrderedDictionary(elements, uniquingKeysWith: +))
    }
}

extension ValidationErrors: CustomStringConvertible {
    /// `{field: ["message", ...], ...}`.
    public var description: String {
        let entries = fields.map { field, messages in
            "\(field): [" + messages.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        }
        return "{" + entries.joined(separator: ", ") + "}"
    }
}
