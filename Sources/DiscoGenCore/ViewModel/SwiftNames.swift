/// How the references of expressions are spelt in Swift at one place of the generated code.
///
/// A command's body reads its params from `command` and the time from `context.now`; a query's
/// `matches(_:)` reads its params from `self` and the time from `Date()`; an event's `apply` reads
/// its fields from `event`; an upcast step reads the recorded payload's fields from a
/// `PayloadReader` named `recorded`. The state is always `state`.
struct SwiftNames: Sendable {
    /// What a param's property is read from: `command`, `self`.
    var params: String
    /// What an event field's property is read from: `event`.
    var eventFields: String
    /// The Swift for `now`.
    var now: String
    /// In an upcast step, the Swift types of the recorded payload's fields: each is read as
    /// `recorded.field("owner", as: String.self)`. `nil` elsewhere.
    var recordedFields: [String: String]? = nil

    /// Inside a command's `execute` case: `command.x`, `state.x`, `context.now`.
    static let command = SwiftNames(params: "command", eventFields: "event", now: "context.now")
    /// Inside an event's `apply` case: `event.x`, `state.x`.
    static let event = SwiftNames(params: "command", eventFields: "event", now: "context.now")
    /// Inside a query's `matches(_:)`: `self.x`, `state.x`, `Date()`.
    static let query = SwiftNames(params: "self", eventFields: "event", now: "Date()")

    /// Inside an upcast step: the recorded payload's fields, read from `recorded` with their types.
    static func upcast(_ fields: [String: String]) -> SwiftNames {
        SwiftNames(params: "command", eventFields: "event", now: "Date()", recordedFields: fields)
    }

    /// Whether the reference's Swift is a postfix expression (a call) that is safe in any
    /// position, although it is not a plain member chain.
    func isPostfixCall(_ reference: ExpressionReference) -> Bool {
        if case .eventField(let name) = reference { return recordedFields?[name] != nil }
        return false
    }

    /// The Swift for a reference.
    func swift(for reference: ExpressionReference) -> String {
        switch reference {
        case .param(let name): "\(params).\(Naming.identifier(name))"
        case .eventField(let name):
            if let type = recordedFields?[name] {
                "recorded.field(\(swiftStringLiteral(name)), as: \(type).self)"
            } else {
                "\(eventFields).\(Naming.identifier(name))"
            }
        case .stateField(let name): "state.\(Naming.identifier(name))"
        case .now: now
        }
    }
}
