import ArgumentParser
import DiscoGenCore
import Foundation

/// The options shared by every command that reads specs.
struct GenerateOptions: ParsableArguments {
    @Argument(help: "The spec files, or folders of *.yml and *.yaml specs.", completion: .file(extensions: ["yml", "yaml"]))
    var inputs: [String]

    @Option(help: "The access modifier of the generated declarations: public, package or internal.")
    var accessModifier: GeneratorOptions.AccessModifier = .internal

    @Option(help: "A folder of Mustache templates to render with, instead of the built-in ones.", completion: .directory)
    var templates: String?

    func validate() throws {
        guard !inputs.isEmpty else {
            throw ValidationError("Please give at least one spec file or folder, such as Specs/wallet.yml.")
        }
    }

    /// The pipeline these options describe.
    func pipeline() throws -> GeneratorPipeline {
        let options = GeneratorOptions(accessModifier: accessModifier)
        guard let templates else { return try GeneratorPipeline(options: options) }
        let set = try TemplateSet.load(from: URL(fileURLWithPath: templates, isDirectory: true))
        return GeneratorPipeline(options: options, renderer: try SwiftRenderer(templates: set))
    }

    /// Every spec file the inputs name, folders expanded, in a stable order.
    func specFiles() throws -> [String] {
        try SpecFiles.expand(inputs)
    }
}

extension GeneratorOptions.AccessModifier: ExpressibleByArgument {}
