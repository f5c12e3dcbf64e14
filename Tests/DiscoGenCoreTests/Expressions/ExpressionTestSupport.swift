@testable import DiscoGenCore

/// A command-like scope with one name of every type, a state, and `now`, for expression tests.
enum ExpressionTestSupport {
    static let location = SourceLocation(file: "Specs/test.yml", line: 10, column: 14)

    static let scope = ExpressionScope(
        names: [
            "amount": .init(type: .double, swift: "command.amount"),
            "quantity": .init(type: .int, swift: "command.quantity"),
            "price": .init(type: .decimal, swift: "command.price"),
            "name": .init(type: .string, swift: "command.name"),
            "note": .init(type: .optional(.string), swift: "command.note"),
            "limit": .init(type: .optional(.int), swift: "command.limit"),
            "tags": .init(type: .list(.string), swift: "command.tags"),
            "active": .init(type: .bool, swift: "command.active"),
            "due": .init(type: .date, swift: "command.due"),
            "user_id": .init(type: .uuid, swift: "command.userId"),
        ],
        stateFields: [
            "id": .init(type: .uuid, swift: "state.id"),
            "balance": .init(type: .double, swift: "state.balance"),
            "total": .init(type: .decimal, swift: "state.total"),
            "visits": .init(type: .int, swift: "state.visits"),
            "items": .init(type: .list(.string), swift: "state.items"),
            "scores": .init(type: .list(.int), swift: "state.scores"),
            "amounts": .init(type: .list(.double), swift: "state.amounts"),
            "maybe": .init(type: .list(.optional(.int)), swift: "state.maybe"),
            "closed": .init(type: .bool, swift: "state.closed"),
            "nickname": .init(type: .optional(.string), swift: "state.nickname"),
            "created_at": .init(type: .date, swift: "state.createdAt"),
        ],
        now: .init(type: .date, swift: "context.now")
    )

    /// An event's `apply` scope: no `now`.
    static let applyScope = ExpressionScope(
        names: ["amount": .init(type: .double, swift: "event.amount")],
        stateFields: ["balance": .init(type: .double, swift: "state.balance")],
        unavailableNowReason: "an event's apply must not depend on the time"
    )

    /// Checks `text`; the result and the diagnostics.
    static func check(
        _ text: String, expecting: SpecType? = nil, in scope: ExpressionScope = scope
    ) -> (CheckedExpression?, [Diagnostic]) {
        var diagnostics = DiagnosticList()
        let result = checkExpression(text, at: location, in: scope, expecting: expecting, diagnostics: &diagnostics)
        return (result, diagnostics.diagnostics)
    }

    /// The Swift of `text`, or the diagnostics as text when it does not check.
    static func swift(_ text: String, expecting: SpecType? = nil, in scope: ExpressionScope = scope) -> String {
        let (result, diagnostics) = check(text, expecting: expecting, in: scope)
        return result?.swift ?? diagnostics.map(\.description).joined(separator: "\n")
    }

    /// The errors of `text`, each as `column: message` (relative to the expression: 0 is its first character).
    static func errors(_ text: String, expecting: SpecType? = nil, in scope: ExpressionScope = scope) -> [String] {
        let (_, diagnostics) = check(text, expecting: expecting, in: scope)
        return diagnostics.map { "\($0.location.column - location.column): \($0.message)" }
    }

    /// The one error of `text` as `column: message`, or a description of what happened instead.
    static func error(_ text: String, expecting: SpecType? = nil, in scope: ExpressionScope = scope) -> String {
        let errors = errors(text, expecting: expecting, in: scope)
        return errors.count == 1 ? errors[0] : "\(errors.count) errors: \(errors)"
    }

    /// The S-expression of the parse tree of `text`, or `error at N: message`.
    static func tree(_ text: String) -> String {
        do {
            return try ExpressionParser.parse(text).description
        } catch {
            return "error at \(error.offset): \(error.message)"
        }
    }
}
