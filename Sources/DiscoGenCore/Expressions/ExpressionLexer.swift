/// Splits an expression's text into tokens.
///
/// Offsets count Unicode scalars. Strings are single-quoted; a quote inside is written twice
/// (`'it''s'`), as in YAML's single-quoted scalars and SQL; a backslash is an ordinary character.
struct ExpressionLexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    /// A lexer over `text`.
    init(_ text: String) {
        self.scalars = Array(text.unicodeScalars)
    }

    /// Every token, ending with `.end`, or the first lexical error.
    static func tokenize(_ text: String) throws(ExpressionError) -> [ExpressionToken] {
        var lexer = ExpressionLexer(text)
        var tokens: [ExpressionToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    /// The next token.
    mutating func next() throws(ExpressionError) -> ExpressionToken {
        while let scalar = peek(), scalar.properties.isWhitespace {
            position += 1
        }
        let start = position
        guard let scalar = peek() else {
            return ExpressionToken(.end, text: "", range: ExpressionRange(start, start))
        }
        if Self.isDigit(scalar) { return try number() }
        if Self.isIdentifierStart(scalar) { return identifier() }
        if scalar == "'" { return try string() }
        position += 1
        switch scalar {
        case "+": return token(.plus, from: start)
        case "-": return token(.minus, from: start)
        case "*": return token(.star, from: start)
        case "/": return token(.slash, from: start)
        case "%": return token(.percent, from: start)
        case "(": return token(.leftParenthesis, from: start)
        case ")": return token(.rightParenthesis, from: start)
        case ",": return token(.comma, from: start)
        case ".": return token(.dot, from: start)
        case "<":
            let kind: ExpressionToken.Kind = take("=") ? .lessEqual : .less
            return token(kind, from: start)
        case ">":
            let kind: ExpressionToken.Kind = take("=") ? .greaterEqual : .greater
            return token(kind, from: start)
        case "!":
            let kind: ExpressionToken.Kind = take("=") ? .bangEqual : .bang
            return token(kind, from: start)
        case "=":
            if take("=") { return token(.equalEqual, from: start) }
            throw ExpressionError("unexpected '='; write '==' to compare", at: start)
        case "&":
            if take("&") { return token(.ampersandAmpersand, from: start) }
            throw ExpressionError("unexpected '&'; write '&&' for 'and'", at: start)
        case "|":
            if take("|") { return token(.pipePipe, from: start) }
            throw ExpressionError("unexpected '|'; write '||' for 'or'", at: start)
        case "\"":
            throw ExpressionError("strings are written in single quotes: 'like this'", at: start)
        default:
            throw ExpressionError("unexpected character \(ExpressionText.quoted(String(scalar)))", at: start)
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        position += 1
        return true
    }

    private func text(from start: Int) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<position])
        return text
    }

    private func token(_ kind: ExpressionToken.Kind, from start: Int) -> ExpressionToken {
        ExpressionToken(kind, text: text(from: start), range: ExpressionRange(start, position))
    }

    private mutating func number() throws(ExpressionError) -> ExpressionToken {
        let start = position
        while let scalar = peek(), Self.isDigit(scalar) { position += 1 }
        var kind = ExpressionToken.Kind.integer
        if peek() == ".", let after = peek(1), Self.isDigit(after) {
            kind = .fraction
            position += 1
            while let scalar = peek(), Self.isDigit(scalar) { position += 1 }
        }
        if let scalar = peek(), Self.isIdentifierPart(scalar) {
            while let scalar = peek(), Self.isIdentifierPart(scalar) { position += 1 }
            throw ExpressionError("invalid number \(ExpressionText.quoted(text(from: start)))", at: start)
        }
        return token(kind, from: start)
    }

    private mutating func identifier() -> ExpressionToken {
        let start = position
        while let scalar = peek(), Self.isIdentifierPart(scalar) { position += 1 }
        return token(.identifier, from: start)
    }

    private mutating func string() throws(ExpressionError) -> ExpressionToken {
        let start = position
        position += 1
        var value = ""
        while true {
            guard let scalar = peek() else {
                throw ExpressionError(
                    "unterminated string; end it with ' (write '' for a quote inside a string)", at: start)
            }
            position += 1
            if scalar == "'" {
                guard take("'") else { break }
            }
            value.unicodeScalars.append(scalar)
        }
        return ExpressionToken(.string, text: text(from: start), value: value, range: ExpressionRange(start, position))
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || isDigit(scalar)
    }
}
