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
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var line: [UInt8] = []
        var previousWasBlank = true
        func flush() {
            while line.last == UInt8(ascii: " ") { line.removeLast() }
            let isBlank = line.isEmpty
            if !(isBlank && previousWasBlank) {
                output += line
                output.append(UInt8(ascii: "\n"))
            }
            previousWasBlank = isBlank
            line.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") { flush() } else { line.append(byte) }
        }
        flush()
        while output.count >= 2, output[output.count - 1] == UInt8(ascii: "\n"), output[output.count - 2] == UInt8(ascii: "\n") {
            output.removeLast()
        }
        return String(decoding: output, as: UTF8.self)
    }
}
