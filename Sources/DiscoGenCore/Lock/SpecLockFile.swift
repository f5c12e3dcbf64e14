import Yams

/// Reads and writes the text of a lock file.
///
/// ```yaml
/// # The events that stores of Specs/wallet.yml may hold, every version each has had.
/// # Written by disco-gen: commit it with the spec, and do not edit it.
/// aggregate: Wallet
/// events:
///   money_deposited:
///     1:
///       amount: double
/// ```
///
/// Event types, versions and fields are sorted, so the same lock gives the same bytes.
public enum SpecLockFile {
    /// The lock's text.
    public static func text(of lock: SpecLock, spec: String) -> String {
        var lines = [
            "# The events that stores of \(fileName(spec)) may hold: every event type and every version it has had.",
            "# Written by disco-gen, which refuses a spec that changes what is recorded here. Commit it with the spec; do not edit it.",
            "aggregate: \(lock.aggregate)",
            "events:" + (lock.events.isEmpty ? " {}" : ""),
        ]
        for (event, versions) in lock.events.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(event):")
            for (version, fields) in versions.sorted(by: { $0.key < $1.key }) {
                lines.append("    \(version):" + (fields.isEmpty ? " {}" : ""))
                for (name, type) in fields.sorted(by: { $0.key < $1.key }) {
                    lines.append("      \(name): \(quotedType(type))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A type as YAML: quoted when it has `?` or `<`, which some YAML tools misread.
    private static func quotedType(_ type: SpecType) -> String {
        let text = type.description
        return text.contains(where: { $0 == "?" || $0 == "<" }) ? "'\(text)'" : text
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Reads a lock's text.
    /// - Parameters:
    ///   - text: The lock file's content.
    ///   - file: The lock file's path, for diagnostics.
    ///   - diagnostics: Where problems go, at the lock file's lines.
    /// - Returns: The lock, or `nil` when it cannot be read.
    public static func parse(_ text: String, file: String, diagnostics: inout DiagnosticList) -> SpecLock? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                diagnostics.error("the lock file is empty; delete it and run disco-gen to write it again", at: start)
                return nil
            }
            root = node
        } catch {
            diagnostics.emit(SpecLoader.diagnostic(for: error, file: file, yaml: text))
            return nil
        }
        var reader = YAMLNodeReader(file: file, diagnostics: DiagnosticList())
        defer { for diagnostic in reader.diagnostics.diagnostics { diagnostics.emit(diagnostic) } }
        guard let entries = reader.mapping(root, "the lock") else { return nil }
        reader.checkKeys(
            entries,
            allowed: ["aggregate", "events"],
            required: ["aggregate", "events"],
            in: "the lock",
            at: start
        )
        var lock = SpecLock(aggregate: "")
        for (key, value) in entries {
            switch key.value {
            case "aggregate": lock.aggregate = reader.locatedText(value, "'aggregate'")?.value ?? ""
            case "events":
                for (event, versionsNode) in reader.mapping(value, "'events' of the lock") ?? [] {
                    var versions: [Int: SpecLock.Fields] = [:]
                    for (version, fieldsNode) in reader.mapping(versionsNode, "the versions of '\(event.value)'") ?? []
                    {
                        guard let number = Int(version.value), number >= 1 else {
                            reader.diagnostics.error(
                                "a version must be a whole number of 1 or more, found '\(version.value)'",
                                at: version.location
                            )
                            continue
                        }
                        var fields: SpecLock.Fields = [:]
                        for (field, typeNode) in reader.mapping(fieldsNode, "version \(number) of '\(event.value)'")
                            ?? []
                        {
                            if let type = reader.type(typeNode, "the type of '\(field.value)'") {
                                fields[field.value] = type.value
                            }
                        }
                        versions[number] = fields
                    }
                    lock.events[event.value] = versions
                }
            default: continue
            }
        }
        return reader.diagnostics.hasErrors ? nil : lock
    }
}
