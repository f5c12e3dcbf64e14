import Foundation

/// Where a target keeps its specs and its options, and the file each spec generates.
///
/// A target's specs are the `*.yml` and `*.yaml` files in the `Specs/` folder at its root
/// (subfolders included); its options are in `disco-gen-config.yml` beside that folder.
/// `Sources/App/Specs/bank_account.yml` generates `BankAccount.generated.swift`.
struct SpecLayout {
    /// One spec and the file it generates.
    struct Spec {
        let url: URL
        let outputName: String

        /// The file of the spec's example tests: `bank_account.yml` gives `BankAccountExamples.generated.swift`.
        var testsOutputName: String {
            String(outputName.dropLast(".generated.swift".count)) + "Examples.generated.swift"
        }
    }

    /// The name of the folder of specs inside a target.
    static let specsFolder = "Specs"

    let targetName: String
    let targetDirectory: URL
    let specs: [Spec]
    let configFile: URL?

    /// Finds the specs and the config among a target's files.
    /// - Parameters:
    ///   - targetName: The target's name, for messages.
    ///   - directory: The target's folder.
    ///   - files: The target's files: its source files for the build plugin, every file on
    ///     disk for the command plugin.
    /// - Throws: ``PluginError`` when two specs would write the same file, when there are two
    ///   config files, or when a config file is malformed.
    init(targetName: String, directory: URL, files: [URL]) throws {
        self.targetName = targetName
        self.targetDirectory = directory.standardizedFileURL
        let root = targetDirectory.path(percentEncoded: false)
        let specsRoot = targetDirectory.appending(component: Self.specsFolder).path(percentEncoded: false) + "/"
        let paths = files.map { $0.standardizedFileURL }
        specs = paths
            .filter { $0.path(percentEncoded: false).hasPrefix(specsRoot) && Self.isYAML($0) }
            .sorted { $0.path(percentEncoded: false) < $1.path(percentEncoded: false) }
            .map { Spec(url: $0, outputName: Self.outputFileName(forSpec: $0.lastPathComponent)) }
        let configs = paths.filter {
            Self.relativePath(of: $0, in: root).map(PluginConfig.fileNames.contains) ?? false
        }
        guard configs.count <= 1 else {
            throw PluginError("target '\(targetName)' has both \(PluginConfig.fileNames.joined(separator: " and ")); keep one")
        }
        configFile = configs.first
        if let misplaced = specs.first(where: { PluginConfig.fileNames.contains($0.url.lastPathComponent) }) {
            throw PluginError(
                "the config file belongs at the root of target '\(targetName)', beside its Specs/ folder; move it to \(root)",
                file: misplaced.url)
        }
        var seen: [String: URL] = [:]
        for spec in specs {
            if let other = seen.updateValue(spec.url, forKey: spec.outputName) {
                throw PluginError(
                    "this spec and \(other.lastPathComponent) would both generate \(spec.outputName); rename one of them",
                    file: spec.url)
            }
        }
    }

    /// The options in the config file, or the defaults without one.
    /// - Throws: ``PluginError`` when the file cannot be read or is malformed.
    func config() throws -> PluginConfig {
        guard let configFile else { return PluginConfig() }
        let path = configFile.path(percentEncoded: false)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PluginError("cannot read this file as UTF-8 text", file: configFile)
        }
        return try PluginConfig(parsing: text, file: configFile)
    }

    /// The error for a target with no specs, pointing at YAML files that look misplaced.
    /// - Parameters:
    ///   - files: Files of the target, searched for YAML outside `Specs/`.
    ///   - packageDirectory: The package's folder, whose own `Specs/` folder is outside every target.
    func noSpecsError(files: [URL], packageDirectory: URL) -> PluginError {
        let expected = targetDirectory.appending(component: Self.specsFolder).path(percentEncoded: false)
        var message = "target '\(targetName)' has no specs: put them in \(expected)/ as *.yml files"
        let root = targetDirectory.path(percentEncoded: false)
        let misplaced = files.filter { Self.isYAML($0) && Self.relativePath(of: $0.standardizedFileURL, in: root) != nil }
            .filter { !PluginConfig.fileNames.contains($0.lastPathComponent) }
        if let first = misplaced.first {
            message += "; \(first.path(percentEncoded: false)) is in the target but not in its Specs/ folder, so it is not read"
        }
        let packageSpecs = packageDirectory.appending(component: Self.specsFolder)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: packageSpecs.path(percentEncoded: false), isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            message += "; the package's \(packageSpecs.path(percentEncoded: false))/ folder is outside every target, "
                + "so specs there are not read: move them into \(expected)/"
        }
        return PluginError(message)
    }

    /// The file a spec generates: `bank_account.yml` gives `BankAccount.generated.swift`.
    ///
    /// The same rule as `GeneratorPipeline.outputFileName(forSpec:)` in DiscoGenCore, which
    /// plugins cannot link; the tool writes exactly this name (and `ExampleTestsRenderer`
    /// the tests' name, ``Spec/testsOutputName``).
    static func outputFileName(forSpec name: String) -> String {
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        let words = stem.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == " " })
        let camel = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return (camel.isEmpty ? "Aggregate" : camel) + ".generated.swift"
    }

    private static func isYAML(_ url: URL) -> Bool {
        ["yml", "yaml"].contains(url.pathExtension)
    }

    /// The path of a file relative to a folder, or nil when it is outside it.
    static func relativePath(of url: URL, in folder: String) -> String? {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let path = url.path(percentEncoded: false)
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }
}
