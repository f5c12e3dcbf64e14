/// Compares a spec with its lock: what stores may hold must still load.
///
/// A version the lock records must keep its fields (a change needs a new version and an upcast
/// step); an event type the lock records must stay, under its name or as a `renamed_from` of
/// another event; a version may not go down. New event types and new versions are added.
public enum SpecLockChecker {
    /// A version the spec declares that the lock does not record yet.
    public struct Addition: Sendable, Hashable {
        /// The event type.
        public var event: String
        /// The version.
        public var version: Int
        /// Where the spec declares it.
        public var location: SourceLocation
    }

    /// The result of comparing a spec with its lock.
    public struct Result: Sendable {
        /// The lock with the spec's new event types and versions added.
        public var lock: SpecLock
        /// What the spec declares beyond the old lock, in spec order; everything when there was no lock.
        public var additions: [Addition]
    }

    /// Compares `spec` with `lock` (`nil` when the spec has none yet), reporting errors at the spec's lines.
    public static func check(
        _ spec: Spec,
        against lock: SpecLock?,
        lockFile: String,
        diagnostics: inout DiagnosticList
    ) -> Result {
        let declared = declaredVersions(spec)
        var updated = lock ?? SpecLock(aggregate: spec.aggregate.value)
        updated.aggregate = spec.aggregate.value
        let lockName = lockFile.split(separator: "/").last.map(String.init) ?? lockFile
        if let lock {
            for (type, versions) in lock.events.sorted(by: { $0.key < $1.key }) {
                guard let event = owner(of: type, in: spec) else {
                    let live = spec.events.map(\.name.value)
                    let hint = Suggestion.closest(to: type, in: live).map { " (is it '\($0)' now?)" } ?? ""
                    diagnostics.error(
                        "the lock \(lockName) records event type '\(type)', which the spec no longer has: stores may hold '\(type)' events, and they would no longer load. Add the event back, or list '\(type)' in 'renamed_from' of the event that replaces it\(hint)",
                        at: spec.eventsLocation ?? spec.aggregate.location
                    )
                    continue
                }
                checkVersions(
                    versions,
                    of: type,
                    against: event,
                    declared: declared[event.name.value] ?? [:],
                    lockName: lockName,
                    diagnostics: &diagnostics
                )
            }
        }
        var additions: [Addition] = []
        for event in spec.events {
            for (version, fields) in (declared[event.name.value] ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard updated.events[event.name.value]?[version] == nil else { continue }
                updated.events[event.name.value, default: [:]][version] = fields.types
                additions.append(Addition(event: event.name.value, version: version, location: fields.location))
            }
        }
        return Result(lock: updated, additions: additions)
    }

    /// The fields of one version as the spec declares them, and where.
    struct DeclaredVersion {
        var types: SpecLock.Fields
        var location: SourceLocation
    }

    /// Every version of every event the spec declares: the current one and each step's.
    static func declaredVersions(_ spec: Spec) -> [String: [Int: DeclaredVersion]] {
        var declared: [String: [Int: DeclaredVersion]] = [:]
        for event in spec.events {
            var versions: [Int: DeclaredVersion] = [:]
            for step in event.upcast {
                guard let from = step.from?.value, from >= 1, from < event.version, versions[from] == nil else {
                    continue
                }
                versions[from] = DeclaredVersion(
                    types: types(step.fields),
                    location: step.fieldsLocation ?? step.location
                )
            }
            if event.version >= 1 {
                versions[event.version] = DeclaredVersion(
                    types: types(event.fields),
                    location: event.fields.first?.name.location ?? event.name.location
                )
            }
            declared[event.name.value] = versions
        }
        return declared
    }

    private static func types(_ fields: [FieldSpec]) -> SpecLock.Fields {
        Dictionary(fields.map { ($0.name.value, $0.type.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The live event that decodes recorded `type` events: the event of that name, or the one
    /// that lists it in `renamed_from`.
    private static func owner(of type: String, in spec: Spec) -> EventSpec? {
        spec.events.first { $0.name.value == type }
            ?? spec.events.first { $0.renamedFrom.contains { $0.value == type } }
    }

    private static func checkVersions(
        _ versions: [Int: SpecLock.Fields],
        of type: String,
        against event: EventSpec,
        declared: [Int: DeclaredVersion],
        lockName: String,
        diagnostics: inout DiagnosticList
    ) {
        let name = event.name.value
        let recordedAs = type == name ? "" : " (recorded as '\(type)')"
        if let highest = versions.keys.max(), highest > event.version {
            diagnostics.error(
                "event '\(name)' is at version \(event.version), but the lock \(lockName) records version \(highest)\(recordedAs): a version may not go down, since stores may hold version-\(highest) events; set 'version' to \(highest) or more",
                at: event.versionLocation ?? event.name.location
            )
        }
        for (version, recorded) in versions.sorted(by: { $0.key < $1.key }) where version <= event.version {
            guard let now = declared[version], now.types != recorded else { continue }
            let fix =
                version == event.version
                ? "raise 'version' to \(version + 1) and add an upcast step `- from: \(version)` with the recorded fields"
                : "the step from version \(version) must list the fields as recorded"
            diagnostics.error(
                "the fields of version \(version) of event '\(name)'\(recordedAs) changed since the lock \(lockName) recorded them (recorded: \(describe(recorded)); now: \(describe(now.types))): stores may hold version-\(version) events as recorded; \(fix)",
                at: now.location
            )
        }
    }

    private static func describe(_ fields: SpecLock.Fields) -> String {
        fields.isEmpty
            ? "none" : fields.sorted(by: { $0.key < $1.key }).map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    }
}
