import Foundation
import PackagePlugin

/// Generates Swift from a target's specs on every build.
///
/// Every `*.yml` spec in the target's `Specs/` folder gets its own build command, which runs
/// `disco-gen` on that spec alone and writes `<Name>.generated.swift` into the plugin's work
/// directory; options come from `disco-gen-config.yml` at the target's root. Spec paths are
/// absolute, so the tool's `file:line:column: error:` diagnostics point at the spec in the build log.
/// The spec's lock (`<spec>.lock` beside it) is read but never written: when it is stale, the
/// build log has a warning on the spec that names the command that updates it.
///
/// Applied to a test target, it generates the example tests of the targets the test target
/// tests (see ``ExampleTestsPlan``): one build command per spec runs `disco-gen tests SPEC
/// --import <Module>` and writes `<Name>Examples.generated.swift`, a Swift Testing suite with one
/// test per example of the spec. Specs in the test target's own `Specs/` folder still generate
/// aggregates.
@main struct DiscoGenBuildPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        do {
            return try commands(context: context, target: target)
        } catch let error as PluginError {
            // An error diagnostic fails the build on its own; throwing too would print it twice.
            error.report()
            return []
        }
    }

    private func commands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SwiftSourceModuleTarget else {
            throw PluginError("DiscoGenBuildPlugin works on Swift source targets only, and '\(target.name)' is not one")
        }
        let files = target.sourceFiles.map(\.url)
        let layout = try SpecLayout(targetName: target.name, directory: target.directoryURL, files: files)
        let tool = try context.tool(named: "disco-gen")
        let outputDirectory = context.pluginWorkDirectoryURL.appending(component: "GeneratedSources")
        if target.kind == .test {
            let plan = try ExampleTestsPlan(
                testTarget: target, config: try layout.config(), configFile: layout.configFile,
                packageDirectory: context.package.directoryURL)
            try Self.refuseCommittedOutput(
                plan.tested.flatMap(\.layout.specs).map { ($0.testsOutputName, $0.url) }, of: target.name,
                sourceFiles: target.sourceFiles)
            let tests = Self.testCommands(plan, tool: tool.url, outputDirectory: outputDirectory)
            return layout.specs.isEmpty ? tests : tests + (try aggregateCommands(layout, target: target, tool: tool.url,
                outputDirectory: outputDirectory))
        }
        guard !layout.specs.isEmpty else {
            throw layout.noSpecsError(files: files, packageDirectory: context.package.directoryURL)
        }
        return try aggregateCommands(layout, target: target, tool: tool.url, outputDirectory: outputDirectory)
    }

    /// One command per spec of a test target's tested targets: `disco-gen tests`, importing
    /// the module the spec belongs to.
    private static func testCommands(_ plan: ExampleTestsPlan, tool: URL, outputDirectory: URL) -> [Command] {
        plan.tested.flatMap { tested in
            tested.layout.specs.map { spec in
                .buildCommand(
                    displayName: "Generating \(spec.testsOutputName) from \(spec.url.lastPathComponent) of \(tested.moduleName)",
                    executable: tool,
                    arguments: ["tests", spec.url.path(percentEncoded: false), "--import", tested.moduleName,
                                "--output-directory", outputDirectory.path(percentEncoded: false)],
                    inputFiles: [spec.url],
                    outputFiles: [outputDirectory.appending(component: spec.testsOutputName)]
                )
            }
        }
    }

    /// One command per spec of the target's own: `disco-gen generate`.
    private func aggregateCommands(
        _ layout: SpecLayout,
        target: SwiftSourceModuleTarget,
        tool: URL,
        outputDirectory: URL
    ) throws -> [Command] {
        try Self.refuseCommittedOutput(
            layout.specs.map { ($0.outputName, $0.url) }, of: target.name, sourceFiles: target.sourceFiles)
        let options = try layout.config().arguments
        return layout.specs.map { spec in
            // The lock beside the spec is read, never written (`--lock-read-only`): a stale lock is
            // a warning on the spec naming the command that updates it.
            let lock = spec.url.deletingPathExtension().appendingPathExtension("lock")
            let hasLock = FileManager.default.fileExists(atPath: lock.path(percentEncoded: false))
            return .buildCommand(
                displayName: "Generating \(spec.outputName) from \(spec.url.lastPathComponent)",
                executable: tool,
                arguments: ["generate", spec.url.path(percentEncoded: false),
                            "--output-directory", outputDirectory.path(percentEncoded: false),
                            "--lock-read-only"] + options,
                inputFiles: [spec.url] + (hasLock ? [lock] : []) + (layout.configFile.map { [$0] } ?? []),
                outputFiles: [outputDirectory.appending(component: spec.outputName)]
            )
        }
    }

    /// Fails when the target also compiles a committed copy of a file this plugin generates,
    /// before the compiler reports every declaration in it twice.
    private static func refuseCommittedOutput(
        _ outputs: [(name: String, spec: URL)],
        of targetName: String,
        sourceFiles: FileList
    ) throws {
        let compiled = Dictionary(
            sourceFiles.filter { $0.type == .source }.map { ($0.url.lastPathComponent, $0.url) },
            uniquingKeysWith: { first, _ in first }
        )
        for output in outputs {
            guard let committed = compiled[output.name] else { continue }
            throw PluginError(
                "target '\(targetName)' has a committed \(output.name), and DiscoGenBuildPlugin "
                    + "also generates it from \(output.spec.lastPathComponent) on every build; use one or the other: "
                    + "delete the committed file to generate on every build, or remove DiscoGenBuildPlugin from the "
                    + "target's plugins to keep committed output (swift package generate-aggregates)",
                file: committed
            )
        }
    }
}
