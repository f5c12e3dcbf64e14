/// A piece of HTML that is safe to send: what the console's pages are made of.
///
/// Literal text in a value is HTML as written; every `String` interpolated into it is escaped,
/// so text from specs, params, states or events can never become markup:
///
/// ```swift
/// let name = "<script>"
/// let item: HTML = "<li>\(name)</li>"  // <li>&lt;script&gt;</li>
/// ```
///
/// Only other ``HTML`` values are interpolated as they are. There is no interpolation of any
/// other type, so a value has to be turned into text on purpose before it is shown.
struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The markup.
    private(set) var rendered: String

    /// HTML written in the source.
    init(stringLiteral value: String) {
        rendered = value
    }

    /// HTML with escaped text interpolated.
    init(stringInterpolation: Interpolation) {
        rendered = stringInterpolation.rendered
    }

    /// No markup.
    static let empty: HTML = ""

    /// Pieces of HTML one after the other.
    init(joining pieces: some Sequence<HTML>, separator: HTML = "") {
        rendered = pieces.map(\.rendered).joined(separator: separator.rendered)
    }

    /// Text escaped for an element's content or a quoted attribute value: `&`, `<`, `>`, `"`
    /// and `'` become character references, and control characters other than tab, line feed
    /// and carriage return (which HTML does not allow) become U+FFFD.
    static func escape(_ text: some StringProtocol) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}": escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Builds HTML from literals (as written) and interpolations (escaped text, or HTML).
    struct Interpolation: StringInterpolationProtocol {
        fileprivate var rendered = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            rendered.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) {
            rendered += literal
        }

        /// Text, escaped.
        mutating func appendInterpolation(_ text: some StringProtocol) {
            rendered += HTML.escape(text)
        }

        /// A number, as text.
        mutating func appendInterpolation(_ number: Int) {
            rendered += String(number)
        }

        /// A number, as text.
        mutating func appendInterpolation(_ number: Int64) {
            rendered += String(number)
        }

        /// HTML, as it is.
        mutating func appendInterpolation(_ html: HTML) {
            rendered += html.rendered
        }

        /// Pieces of HTML one after the other.
        mutating func appendInterpolation(_ pieces: [HTML]) {
            for piece in pieces { rendered += piece.rendered }
        }
    }
}
