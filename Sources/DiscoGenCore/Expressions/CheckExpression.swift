/// Parses and type-checks one expression of a spec.
///
/// - Parameters:
///   - text: The expression as written. When the YAML scalar was not a string (`balance: 0`,
///     `check: true`), pass its text.
///   - location: Where the expression's first character is in the spec file. A problem at the
///     k-th character (Unicode scalar) of `text` is reported at `location.column + k`; on a later
///     line of a multi-line `text`, at that line and the column within the line, counted from 1.
///   - scope: The names, state fields and `now` the expression may use.
///   - expecting: The type the expression must have, if any: `bool` for `check` and `when`, the
///     field's type for `apply`, `with` and `where`. An `int` expression is converted where a
///     `double` or `decimal` is expected; a `T` or `null` is accepted where `T?` is expected.
///   - diagnostics: Receives every problem found, as errors.
/// - Returns: The expression's type and typed tree, or `nil` when an error was reported.
public func checkExpression<Collector: DiagnosticCollector>(
    _ text: String,
    at location: SourceLocation,
    in scope: ExpressionScope,
    expecting: SpecType? = nil,
    diagnostics: inout Collector
) -> CheckedExpression? {
    let node: ExpressionNode
    do {
        node = try ExpressionParser.parse(text)
    } catch {
        diagnostics.emit(.error(error.message, at: expressionLocation(of: error.offset, in: text, from: location)))
        return nil
    }
    let (typed, errors) = ExpressionTypeChecker.check(node, in: scope, expecting: expecting)
    for error in errors {
        diagnostics.emit(.error(error.message, at: expressionLocation(of: error.offset, in: text, from: location)))
    }
    guard let typed, let type = typed.type, errors.isEmpty else { return nil }
    return CheckedExpression(type: type, typed: typed)
}

/// The location in the spec file of the scalar at `offset` in `text`, which starts at `start`.
private func expressionLocation(of offset: Int, in text: String, from start: SourceLocation) -> SourceLocation {
    var line = start.line
    var column = start.column
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars.prefix(offset) {
        if scalar == "\n" && previous == "\r" {
            // The second half of a CRLF: the line already ended.
        } else if scalar == "\n" || scalar == "\r" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        previous = scalar
    }
    return SourceLocation(file: start.file, line: line, column: column)
}
