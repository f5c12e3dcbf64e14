import Foundation
import Mustache

/// The Mustache templates the Swift is rendered from: the copy embedded in disco-gen, or a
/// user's own folder of `*.mustache` files with the same names.
public struct TemplateSet: Sendable {
    /// The template every render starts from.
    public static let rootTemplate = "aggregate"

    /// The template texts by name (file name without `.mustache`).
    public let sources: [String: String]

    /// Templates from texts by name.
    public init(sources: [String: String]) {
        self.sources = sources
    }

    /// The templates built into disco-gen, copied from the repository's `Templates/` folder.
    public static var embedded: TemplateSet {
        TemplateSet(sources: EmbeddedTemplates.sources)
    }

    /// Reads every `*.mustache` file of a folder.
    /// - Throws: ``GeneratorError`` when the folder cannot be read or lacks the root template.
    public static func load(from directory: URL) throws(GeneratorError) -> TemplateSet {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        } catch {
            throw GeneratorError("cannot read the templates folder \(directory.relativePath): \(error.localizedDescription)")
        }
        var sources: [String: String] = [:]
        for file in files where file.pathExtension == "mustache" {
            do {
                sources[file.deletingPathExtension().lastPathComponent] = try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw GeneratorError("cannot read the template \(file.path): \(error.localizedDescription)")
            }
        }
        guard sources[rootTemplate] != nil else {
            throw GeneratorError("the templates folder \(directory.relativePath) has no \(rootTemplate).mustache")
        }
        return TemplateSet(sources: sources)
    }

    /// The Mustache library of these templates.
    func library() throws(GeneratorError) -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(source, named: name)
            } catch {
                throw GeneratorError("the template '\(name)' does not parse: \(error)")
            }
        }
        return library
    }
}
