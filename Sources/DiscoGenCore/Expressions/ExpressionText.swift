/// Helpers to write parts of expressions into messages.
enum ExpressionText {
    /// `'text'`, shortened when long, with control characters shown as `\u{X}` so that a message
    /// always stays on one line.
    static func quoted(_ text: String, limit: Int = 32) -> String {
        var shown = ""
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == limit {
                shown += "..."
                break
            }
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                || scalar.properties.generalCategory == .lineSeparator
                || scalar.properties.generalCategory == .paragraphSeparator
            {
                shown += unicodeEscape(scalar)
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return "'" + shown + "'"
    }

    /// `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        if items.count == 1 { return last }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
