import Foundation

/// The generator options of a target, read from `disco-gen-config.yml` at the target's root.
///
/// The file is a tiny YAML subset, one `key: value` per line, `#` comments allowed:
///
///     # Options of disco-gen's plugins for this target.
///     accessModifier: public   # public, package or internal (the default)
///
/// A test target's file may name the targets whose specs' examples it runs, comma-separated;
/// without it, a test target runs the examples of every target it depends on that has specs:
///
///     examplesFrom: WalletApp, Billing
struct PluginConfig: Equatable {
    /// The names a config file may have, at the root of a target.
    static let fileNames = ["disco-gen-config.yml", "disco-gen-config.yaml"]

    /// The access modifiers the tool accepts.
    static let accessModifiers = ["public", "package", "internal"]

    /// The access modifier of the generated declarations; `internal` when not set.
    var accessModifier = "internal"

    /// The targets whose specs' examples a test target runs; empty when not set.
    var examplesFrom: [String] = []

    /// The tool's arguments for these options.
    var arguments: [String] { ["--access-modifier", accessModifier] }

    /// Parses a config file's text.
    /// - Parameters:
    ///   - text: The file's content.
    ///   - file: The file, for error messages.
    /// - Throws: ``PluginError`` naming the line of an unknown key or a bad value.
    init(parsing text: String, file: URL) throws {
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            let value = parts.count > 1
                ? parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                : ""
            switch key {
            case "accessModifier": break
            case "examplesFrom":
                examplesFrom = value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard !examplesFrom.isEmpty, !examplesFrom.contains(where: \.isEmpty) else {
                    throw PluginError(
                        "examplesFrom must name targets, comma-separated (examplesFrom: WalletApp), not '\(value)'",
                        file: file, line: index + 1)
                }
                continue
            default:
                throw PluginError(
                    "unknown key '\(key)'; the keys are 'accessModifier' and 'examplesFrom'", file: file, line: index + 1)
            }
            guard Self.accessModifiers.contains(value) else {
                throw PluginError("accessModifier must be public, package or internal, not '\(value)'", file: file, line: index + 1)
            }
            accessModifier = value
        }
    }

    /// The default options, used when a target has no config file.
    init() {}
}
