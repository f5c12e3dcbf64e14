import Foundation

/// Markdown that shows text exactly as given, whatever it holds: code spans fenced with more
/// backticks than the text contains, prose with GitHub Markdown's special characters escaped,
/// table cells with `|` escaped.
enum MarkdownText {
    /// An inline code span showing `text` literally; line breaks become spaces.
    static func code(_ text: String) -> String {
        let flat = String(text.map { $0.isNewline ? " " : $0 })
        var longest = 0
        var run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = flat.hasPrefix("`") || flat.hasSuffix("`") || flat.hasPrefix(" ") && flat.hasSuffix(" ")
        return padded ? "\(fence) \(flat) \(fence)" : fence + flat + fence
    }

    /// Prose with the characters Markdown would read as markup escaped, line breaks kept as
    /// spaces (a paragraph).
    static func prose(_ text: String) -> String {
        var escaped = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\", "`", "*", "[", "]", "<", ">", "#", "~", "&":
                escaped += "\\" + String(character)
            case "_":
                let before = index > 0 ? characters[index - 1] : " "
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                escaped += before.isLetter || before.isNumber || after.isLetter || after.isNumber ? "\\_" : "_"
            case _ where character.isNewline || character == "\t":
                escaped += " "
            default:
                escaped.append(character)
            }
        }
        return escaped.trimmingCharacters(in: .whitespaces)
    }

    /// Text for a table cell: `|` escaped (also inside code spans, as GitHub requires).
    static func cell(_ markdown: String) -> String {
        markdown.replacingOccurrences(of: "|", with: "\\|")
    }

    /// A table: a header row, a separator and one row per entry, each cell escaped.
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        func row(_ cells: [String]) -> String { "| " + cells.map(cell).joined(separator: " | ") + " |" }
        return [row(header), "|" + header.map { _ in "---|" }.joined()] + rows.map(row)
    }
}
