import Disco
import Foundation

/// The values of a submitted form (`application/x-www-form-urlencoded`), and their conversion
/// to the JSON types the document gives the params, so that the dispatch sees what a JSON
/// client would have sent and answers with the same messages.
struct FormValues: Sendable {
    /// The name of the hidden field that carries the command id, so that a form submitted
    /// twice (a reload of the answer) records its events once. No spec param can have this
    /// name: it is not an identifier.
    static let commandIDField = "disco:command-id"

    /// The names and values, in the order the form sent them.
    private(set) var pairs: [(name: String, value: String)]

    /// The values of an URL-encoded form body; a malformed escape keeps its text as it is.
    init(urlEncoded body: String) {
        pairs = body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (name: Self.decode(parts[0]), value: parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// The first value sent for a name.
    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// The params of a form with these fields: each value converted to the field's type, the
    /// empty ones left out (so that defaults apply and missing ones are reported). Values the
    /// fields do not name are not sent.
    func params(for fields: [ConsoleField]) -> Params {
        var params = Params()
        for field in fields {
            guard let text = self[field.name], let value = Self.value(text, kind: field.kind) else { continue }
            params[field.name] = value
        }
        return params
    }

    /// The value of a form text for a JSON type: a number, a boolean or a list when the text
    /// reads as one, the text itself otherwise (which the dispatch then refuses with the spec
    /// language's message, `must be a number`); `nil` for an empty text.
    static func value(_ text: String, kind: ConsoleField.Kind) -> Value? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case .string, .other:
            return text.isEmpty ? nil : .string(text)
        case .number, .integer:
            if trimmed.isEmpty { return nil }
            return number(trimmed) ?? .string(text)
        case .boolean:
            switch trimmed {
            case "": return nil
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return .string(text)
            }
        case .array(let element):
            if trimmed.isEmpty { return nil }
            let lines = text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            return .array(lines.compactMap { value(String($0), kind: element) })
        }
    }

    /// A JSON number, as an HTML number input writes it (`.5` is `0.5`).
    private static func number(_ text: String) -> Value? {
        var text = text
        if text.hasPrefix(".") { text = "0" + text }
        if text.hasPrefix("-.") { text = "-0" + text.dropFirst() }
        switch try? JSON.decode(text) {
        case .int(let int)?: return .int(int)
        case .double(let double)?: return .double(double)
        case .decimal(let decimal)?: return .decimal(decimal)
        default: return nil
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
