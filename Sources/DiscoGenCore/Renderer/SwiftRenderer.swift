import Mustache

/// The last stage: renders an ``AggregateViewModel`` through the templates into Swift text.
public struct SwiftRenderer: Sendable {
    private let library: MustacheLibrary

    /// A renderer of a set of templates.
    /// - Throws: ``GeneratorError`` when a template does not parse.
    public init(templates: TemplateSet = .embedded) throws(GeneratorError) {
        self.library = try templates.library()
    }

    /// The Swift source of one aggregate.
    /// - Throws: ``GeneratorError`` when the root template is missing.
    public func render(_ viewModel: AggregateViewModel) throws(GeneratorError) -> String {
        guard let text = library.render(viewModel, withTemplate: TemplateSet.rootTemplate) else {
            throw GeneratorError("there is no template named '\(TemplateSet.rootTemplate)'")
        }
        return Self.tidy(text)
    }

    /// Removes trailing spaces and collapses runs of blank lines, so that templates can be
    /// laid out for reading without affecting the output; ends the file with one newline.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.last == " " ? line[..<(line.lastIndex { $0 != " " }.map { line.index(after: $0) } ?? line.startIndex)] : line
            if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
