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
///
/// A test target gets the example tests of the targets it tests (see ``ExampleTestsPlan``):
/// `<Name>Examples.generated.swift` per spec, from `disco-gen tests SPEC --import <Module>`, in
/// its `Generated/` folder, checked by `--check` like the aggregates. Without `--target`, only
/// test targets whose `disco-gen-config.yml` names `examplesFrom` get them; a test target named
/// with `--target` gets those of every target it depends on that has specs when it names none.
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
        var plans: [(plan: ExampleTestsPlan, directory: URL, alsoGenerated: Set<String>)] = []
        for target in targets {
            let named = targetNames.contains(target.name)
            guard let target = target as? SwiftSourceModuleTarget else {
                if named { throw PluginError("target '\(target.name)' is not a Swift source target") }
                continue
            }
            let files = PluginFiles.files(in: target.directoryURL)
            let layout = try SpecLayout(targetName: target.name, directory: target.directoryURL, files: files)
            var plan: ExampleTestsPlan?
            if target.kind == .test {
                let config = try layout.config()
                if named || !config.examplesFrom.isEmpty {
                    plan = try ExampleTestsPlan(
                        testTarget: target, config: config, configFile: layout.configFile,
                        packageDirectory: packageDirectory)
                }
            }
            if let plan {
                plans.append((plan, target.directoryURL, Set(layout.specs.map(\.outputName))))
            }
            if layout.specs.isEmpty {
                if named && plan == nil { throw layout.noSpecsError(files: files, packageDirectory: packageDirectory) }
                continue
            }
            layouts.append(layout)
        }
        guard !layouts.isEmpty || !plans.isEmpty else {
            throw PluginError(
                "no target of package '\(context.package.displayName)' has specs: put them in Sources/<Target>/Specs/ "
                    + "as *.yml files (specs in the package's own Specs/ folder are outside every target)")
        }
        let tool = try context.tool(named: "disco-gen")
        for layout in layouts {
            let tests = plans.first { $0.plan.testTargetName == layout.targetName }?.plan.outputNames ?? []
            try Self.generate(
                layout, alsoGenerated: Set(tests), tool: tool.url, packageDirectory: packageDirectory, check: check)
        }
        for (plan, directory, alsoGenerated) in plans {
            try Self.generateTests(
                plan, into: directory.appending(component: Self.generatedFolder), alsoGenerated: alsoGenerated,
                tool: tool.url, packageDirectory: packageDirectory, check: check)
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

    /// Runs `disco-gen tests` on the specs of a test target's tested targets, one run per tested
    /// module, then deals with generated files whose spec is gone.
    /// - Parameter alsoGenerated: Files the test target's own specs generate into the same folder.
    private static func generateTests(
        _ plan: ExampleTestsPlan,
        into output: URL,
        alsoGenerated: Set<String>,
        tool: URL,
        packageDirectory: URL,
        check: Bool
    ) throws {
        let root = packageDirectory.standardizedFileURL.path(percentEncoded: false)
        var failed = false
        for tested in plan.tested {
            let specs = tested.layout.specs.map {
                SpecLayout.relativePath(of: $0.url, in: root) ?? $0.url.path(percentEncoded: false)
            }
            say(
                "\(check ? "Checking" : "Generating") the example tests of \(specs.count) spec(s) of target "
                    + "'\(tested.layout.targetName)' in test target '\(plan.testTargetName)':")
            let status = try run(
                tool,
                ["tests"] + specs + ["--import", tested.moduleName, "--output-directory", output.path(percentEncoded: false)]
                    + (check ? ["--check"] : []),
                in: packageDirectory)
            failed = failed || status != 0
        }
        let orphans = try removeOrphans(in: output, expected: Set(plan.outputNames).union(alsoGenerated), check: check)
        guard !failed, !(check && !orphans.isEmpty) else {
            throw PluginError(
                check
                    ? "the generated example tests of test target '\(plan.testTargetName)' are stale; run `swift package "
                        + "--allow-writing-to-package-directory generate-aggregates` and commit the result"
                    : "disco-gen tests failed on the specs tested by '\(plan.testTargetName)'; see its errors above")
        }
    }

    /// Runs the tool and waits for it.
    /// - Returns: Its exit status.
    private static func run(_ tool: URL, _ arguments: [String], in directory: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = tool
        process.currentDirectoryURL = directory
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Removes (or, when checking, names) the generated files in a folder that no spec generates.
    /// - Returns: Those files.
    private static func removeOrphans(in output: URL, expected: Set<String>, check: Bool) throws -> [URL] {
        let orphans = Self.orphans(in: output, expected: expected)
        for orphan in orphans {
            if check {
                say("stale: \(orphan.path(percentEncoded: false)) (no spec generates it any more)")
            } else {
                try FileManager.default.removeItem(at: orphan)
                say("removed \(orphan.path(percentEncoded: false)) (no spec generates it any more)")
            }
        }
        return orphans
    }

    /// Runs the tool on one target's specs, then deals with generated files whose spec is gone.
    /// - Parameter alsoGenerated: Example tests the plugin writes into the same folder.
    private static func generate(
        _ layout: SpecLayout,
        alsoGenerated: Set<String>,
        tool: URL,
        packageDirectory: URL,
        check: Bool
    ) throws {
        let output = layout.targetDirectory.appending(component: generatedFolder)
        // Relative spec paths keep the committed files free of this machine's absolute paths.
        let root = packageDirectory.standardizedFileURL.path(percentEncoded: false)
        let specs = layout.specs.map { SpecLayout.relativePath(of: $0.url, in: root) ?? $0.url.path(percentEncoded: false) }
        say("\(check ? "Checking" : "Generating") \(specs.count) spec(s) of target '\(layout.targetName)':")
        let status = try run(
            tool,
            ["generate"] + specs + ["--output-directory", output.path(percentEncoded: false)]
                + (try layout.config().arguments) + (check ? ["--check"] : []),
            in: packageDirectory)
        let orphans = try removeOrphans(
            in: output, expected: Set(layout.specs.map(\.outputName)).union(alsoGenerated), check: check)
        guard status == 0, !(check && !orphans.isEmpty) else {
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

    /// The `*.generated.swift` files directly in a folder that no spec generates.
    private static func orphans(in directory: URL, expected: Set<String>) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path(percentEncoded: false))) ?? []
        return names.filter { $0.hasSuffix(".generated.swift") && !expected.contains($0) }.sorted()
            .map { directory.appending(component: $0) }
    }
}
