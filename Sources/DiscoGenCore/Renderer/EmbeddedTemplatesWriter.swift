/// Writes `EmbeddedTemplates.swift`, the copy of `Templates/` compiled into disco-gen so
/// the tool works when copied alone.
///
/// `Templates/` is the source of truth; a test fails when the embedded copy is stale, and
/// `DISCO_UPDATE_EMBEDDED_TEMPLATES=1 swift test --filter EmbeddedTemplatesTests` rewrites it.
public enum EmbeddedTemplatesWriter {
    /// The Swift source embedding a set of templates.
    public static func source(for templates: TemplateSet) -> String {
        var lines = [
            "// Generated from Templates/ by `DISCO_UPDATE_EMBEDDED_TEMPLATES=1 swift test --filter EmbeddedTemplatesTests`.",
            "// Do not edit: edit Templates/ and run that command.",
            "",
            "/// The templates of `Templates/`, compiled in.",
            "enum EmbeddedTemplates {",
            "    /// The template texts by name.",
            "    static let sources: [String: String] = [",
        ]
        for (name, text) in templates.sources.sorted(by: { $0.key < $1.key }) {
            let hashes = String(repeating: "#", count: delimiterLength(for: text))
            lines.append("        \(swiftStringLiteral(name)): \(hashes)\"\"\"")
            lines.append(text + "\n\"\"\"\(hashes),")
        }
        lines += ["    ]", "}", ""]
        return lines.joined(separator: "\n")
    }

    /// How many `#` a raw string needs so that nothing in the text ends it or interpolates.
    static func delimiterLength(for text: String) -> Int {
        var count = 1
        while text.contains("\"\"\"" + String(repeating: "#", count: count))
            || text.contains("\\" + String(repeating: "#", count: count))
        {
            count += 1
        }
        return count
    }
}
