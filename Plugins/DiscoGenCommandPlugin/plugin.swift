import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-aggregates [--target NAME]... [--openapi FILE] [--check]`
///
/// Writes `<Name>.generated.swift` for every spec in a target's `Specs/` folder into the target's
/// `Generated/` folder, to be committed and reviewed like any source; removes generated files whose
/// spec is gone. With `--check` it writes nothing and fails, naming the stale files, when the
/// committed files differ from what the specs generate. Without `--target`, every target with
/// specs is generated. Options come from `disco-gen-config.yml` at the target's root. With
/// `--openapi FILE` (a path relative to the package) it also writes the OpenAPI document of the
/// specs of those targets, as one DiscoHTTP server serves them (`disco-gen openapi`).
@main struct DiscoGenCommandPlugin: CommandPlugin {
    /// The folder inside a target that generated files are written to.
    static let generatedFolder = "Generated"

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = extractor.extractOption(named: "target")
        let openAPIFiles = extractor.extractOption(named: "openapi")
        let check = extractor.extractFlag(named: "check") > 0
        guard extractor.remainingArguments.isEmpty, openAPIFiles.count <= 1 else {
            throw PluginError(
                "unknown arguments \(extractor.remainingArguments); usage: generate-aggregates [--target NAME]... "
                    + "[--openapi FILE] [--check]")
        }
        let targets = targetNames.isEmpty ? context.package.targets : try context.package.targets(named: targetNames)
        let packageDirectory = context.package.directoryURL
        var layouts: [SpecLayout] = []
        for target in targets {
            let named = targetNames.contains(target.name)
            guard let target = target as? SwiftSourceModuleTarget else {
                if named { throw PluginError("target '\(target.name)' is not a Swift source target") }
                continue
            }
            let files = Self.files(in: target.directoryURL)
            let layout = try SpecLayout(targetName: target.name, directory: target.directoryURL, files: files)
            if layout.specs.isEmpty {
                if named { throw layout.noSpecsError(files: files, packageDirectory: packageDirectory) }
                continue
            }
            layouts.append(layout)
        }
        guard !layouts.isEmpty else {
            throw PluginError(
                "no target of package '\(context.package.displayName)' has specs: put them in Sources/<Target>/Specs/ "
                    + "as *.yml files (specs in the package's own Specs/ folder are outside every target)")
        }
        let tool = try context.tool(named: "disco-gen")
        for layout in layouts {
            try Self.generate(layout, tool: tool.url, packageDirectory: packageDirectory, check: check)
        }
        if let openAPIFile = openAPIFiles.first {
            try Self.writeOpenAPI(
                to: openAPIFile, layouts: layouts, tool: tool.url, packageDirectory: packageDirectory, check: check)
        }
    }

    /// Runs `disco-gen openapi` on the specs of every target generated: one document for them all.
    private static func writeOpenAPI(
        to file: String,
        layouts: [SpecLayout],
        tool: URL,
        packageDirectory: URL,
        check: Bool
    ) throws {
        let root = packageDirectory.standardizedFileURL.path(percentEncoded: false)
        let specs = layouts.flatMap(\.specs).map {
            SpecLayout.relativePath(of: $0.url, in: root) ?? $0.url.path(percentEncoded: false)
        }
        let process = Process()
        process.executableURL = tool
        process.currentDirectoryURL = packageDirectory
        process.arguments = ["openapi"] + specs + ["--output", file] + (check ? ["--check"] : [])
        say("\(check ? "Checking" : "Writing") the OpenAPI document \(file) of \(specs.count) spec(s):")
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PluginError(
                check
                    ? "the OpenAPI document \(file) is stale; run `swift package --allow-writing-to-package-directory "
                        + "generate-aggregates --openapi \(file)` and commit the result"
                    : "disco-gen openapi failed; see its errors above")
        }
    }

    /// Runs the tool on one target's specs, then deals with generated files whose spec is gone.
    private static func generate(_ layout: SpecLayout, tool: URL, packageDirectory: URL, check: Bool) throws {
        let output = layout.targetDirectory.appending(component: generatedFolder)
        // Relative spec paths keep the committed files free of this machine's absolute paths.
        let root = packageDirectory.standardizedFileURL.path(percentEncoded: false)
        let specs = layout.specs.map { SpecLayout.relativePath(of: $0.url, in: root) ?? $0.url.path(percentEncoded: false) }
        let process = Process()
        process.executableURL = tool
        process.currentDirectoryURL = packageDirectory
        process.arguments = ["generate"] + specs + ["--output-directory", output.path(percentEncoded: false)]
            + (try layout.config().arguments) + (check ? ["--check"] : [])
        say("\(check ? "Checking" : "Generating") \(specs.count) spec(s) of target '\(layout.targetName)':")
        try process.run()
        process.waitUntilExit()
        let orphans = Self.orphans(in: output, expected: Set(layout.specs.map(\.outputName)))
        for orphan in orphans {
            if check {
                say("stale: \(orphan.path(percentEncoded: false)) (no spec generates it any more)")
            } else {
                try FileManager.default.removeItem(at: orphan)
                say("removed \(orphan.path(percentEncoded: false)) (no spec generates it any more)")
            }
        }
        guard process.terminationStatus == 0, !(check && !orphans.isEmpty) else {
            throw PluginError(
                check
                    ? "the generated sources of target '\(layout.targetName)' are stale; run `swift package "
                        + "--allow-writing-to-package-directory generate-aggregates` and commit the result"
                    : "disco-gen failed on the specs of target '\(layout.targetName)'; see its errors above")
        }
    }

    /// Prints a line at once, unbuffered, so it stays in order with the tool's output.
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Every file under a folder, hidden ones left out.
    private static func files(in directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        return (enumerator?.allObjects ?? []).compactMap { $0 as? URL }.filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }

    /// The `*.generated.swift` files directly in a folder that no spec generates.
    private static func orphans(in directory: URL, expected: Set<String>) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path(percentEncoded: false))) ?? []
        return names.filter { $0.hasSuffix(".generated.swift") && !expected.contains($0) }.sorted()
            .map { directory.appending(component: $0) }
    }
}
