/// A token of the expression language.
struct ExpressionToken: Sendable, Hashable {
    /// What kind of token it is.
    enum Kind: Sendable, Hashable {
        /// Digits: `42`.
        case integer
        /// Digits with a fraction: `2.5`.
        case fraction
        /// A single-quoted string; `value` holds its content without quotes and escapes.
        case string
        /// A name, keyword or function name: `amount`, `state`, `true`, `contains`.
        case identifier
        case plus, minus, star, slash, percent
        case equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
        case ampersandAmpersand, pipePipe, bang
        case leftParenthesis, rightParenthesis, comma, dot
        /// The end of the text.
        case end
    }

    /// What kind of token it is.
    var kind: Kind
    /// The token as written (for a string, with its quotes).
    var text: String
    /// The value: a string's content, otherwise the same as `text`.
    var value: String
    /// Where it is.
    var range: ExpressionRange

    /// A token.
    init(_ kind: Kind, text: String, value: String? = nil, range: ExpressionRange) {
        self.kind = kind
        self.text = text
        self.value = value ?? text
        self.range = range
    }

    /// The token for messages: `'+'`, `'amount'`, or "the end of the expression".
    var display: String {
        switch kind {
        case .end: "the end of the expression"
        case .string: "the string " + ExpressionText.quoted(value)
        default: ExpressionText.quoted(text)
        }
    }
}
