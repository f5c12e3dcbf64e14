@testable import DiscoGenCore

/// A command-like scope with one name of every type, a state, and `now`, for expression tests.
enum ExpressionTestSupport {
    static let location = SourceLocation(file: "Specs/test.yml", line: 10, column: 14)

    static let scope = ExpressionScope(
        names: [
            "amount": .init(type: .double, reference: .param("amount")),
            "quantity": .init(type: .int, reference: .param("quantity")),
            "price": .init(type: .decimal, reference: .param("price")),
            "name": .init(type: .string, reference: .param("name")),
            "note": .init(type: .optional(.string), reference: .param("note")),
            "limit": .init(type: .optional(.int), reference: .param("limit")),
            "tags": .init(type: .list(.string), reference: .param("tags")),
            "active": .init(type: .bool, reference: .param("active")),
            "due": .init(type: .date, reference: .param("due")),
            "user_id": .init(type: .uuid, reference: .param("user_id")),
        ],
        stateFields: [
            "id": .uuid,
            "balance": .double,
            "total": .decimal,
            "visits": .int,
            "items": .list(.string),
            "scores": .list(.int),
            "amounts": .list(.double),
            "maybe": .list(.optional(.int)),
            "closed": .bool,
            "nickname": .optional(.string),
            "created_at": .date,
        ],
        allowsNow: true
    )

    /// An event's `apply` scope: no `now`.
    static let applyScope = ExpressionScope(
        names: ["amount": .init(type: .double, reference: .eventField("amount"))],
        stateFields: ["balance": .double],
        unavailableNowReason: "an event's apply must not depend on the time"
    )

    /// Checks `text`; the result and the diagnostics.
    static func check(
        _ text: String,
        expecting: SpecType? = nil,
        in scope: ExpressionScope = scope
    ) -> (CheckedExpression?, [Diagnostic]) {
        var diagnostics = DiagnosticList()
        let result = checkExpression(text, at: location, in: scope, expecting: expecting, diagnostics: &diagnostics)
        return (result, diagnostics.diagnostics)
    }

    /// The Swift of `text` as a command's body spells it (or as `names` says), or the diagnostics
    /// as text when it does not check.
    static func swift(
        _ text: String,
        expecting: SpecType? = nil,
        in scope: ExpressionScope = scope,
        names: SwiftNames = .command
    ) -> String {
        let (result, diagnostics) = check(text, expecting: expecting, in: scope)
        return result.map { SwiftExpressionRenderer.render($0, names: names) }
            ?? diagnostics.map(\.description).joined(separator: "\n")
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
