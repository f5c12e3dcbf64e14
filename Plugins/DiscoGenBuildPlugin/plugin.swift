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
        guard !layout.specs.isEmpty else {
            throw layout.noSpecsError(files: files, packageDirectory: context.package.directoryURL)
        }
        try Self.refuseCommittedOutput(layout, sourceFiles: target.sourceFiles)
        let options = try layout.config().arguments
        let tool = try context.tool(named: "disco-gen")
        let outputDirectory = context.pluginWorkDirectoryURL.appending(component: "GeneratedSources")
        return layout.specs.map { spec in
            // The lock beside the spec is read, never written (`--lock-read-only`): a stale lock is
            // a warning on the spec naming the command that updates it.
            let lock = spec.url.deletingPathExtension().appendingPathExtension("lock")
            let hasLock = FileManager.default.fileExists(atPath: lock.path(percentEncoded: false))
            return .buildCommand(
                displayName: "Generating \(spec.outputName) from \(spec.url.lastPathComponent)",
                executable: tool.url,
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
    private static func refuseCommittedOutput(_ layout: SpecLayout, sourceFiles: FileList) throws {
        let compiled = Dictionary(
            sourceFiles.filter { $0.type == .source }.map { ($0.url.lastPathComponent, $0.url) },
            uniquingKeysWith: { first, _ in first }
        )
        for spec in layout.specs {
            guard let committed = compiled[spec.outputName] else { continue }
            throw PluginError(
                "target '\(layout.targetName)' has a committed \(spec.outputName), and DiscoGenBuildPlugin "
                    + "also generates it from \(spec.url.lastPathComponent) on every build; use one or the other: "
                    + "delete the committed file to generate on every build, or remove DiscoGenBuildPlugin from the "
                    + "target's plugins to keep committed output (swift package generate-aggregates)",
                file: committed
            )
        }
    }
}
