/// Retiring event versions from a lock, once no store holds them.
///
/// A lock records every version an event has had, so a spec keeps a step for each. After
/// every store was copied with its events upcast to their current versions
/// (`EventStoreCopier(upcaster:)` in Disco), the old versions are held nowhere and their steps
/// can go: remove them (and former names in `renamed_from`) from the spec, then retire. What
/// the spec still reads stays in the lock; everything below it goes.
public enum SpecLockRetirement {
    /// What retiring took out of the lock.
    public struct Retired: Sendable, Hashable, CustomStringConvertible {
        /// The recorded event type.
        public var event: String
        /// Its versions that are gone, ascending.
        public var versions: [Int]
        /// Whether the event type itself is gone: the spec no longer reads it under any name.
        public var isWholeType: Bool

        public var description: String {
            let list = versions.map(String.init).joined(separator: ", ")
            return isWholeType
                ? "event type '\(event)' (version\(versions.count == 1 ? "" : "s") \(list))"
                : "version\(versions.count == 1 ? "" : "s") \(list) of event '\(event)'"
        }
    }

    /// The lock without what `spec` no longer reads, and what was taken out, sorted by event type.
    ///
    /// An event reads the versions from its oldest upcast step (or its `version`, without
    /// steps) up; recorded versions below that are retired. A recorded type that is neither an
    /// event of the spec nor in a `renamed_from` is retired whole.
    public static func retire(_ spec: Spec, from lock: SpecLock) -> (lock: SpecLock, retired: [Retired]) {
        var kept = lock
        var retired: [Retired] = []
        for (type, versions) in lock.events.sorted(by: { $0.key < $1.key }) {
            let owner =
                spec.events.first { $0.name.value == type }
                ?? spec.events.first { $0.renamedFrom.contains { $0.value == type } }
            guard let owner else {
                kept.events[type] = nil
                retired.append(Retired(event: type, versions: versions.keys.sorted(), isWholeType: true))
                continue
            }
            let oldestRead =
                owner.upcast.compactMap { $0.from?.value }.filter { $0 >= 1 }.min() ?? max(owner.version, 1)
            let gone = versions.keys.filter { $0 < oldestRead }.sorted()
            guard !gone.isEmpty else { continue }
            let remaining = versions.filter { $0.key >= oldestRead }
            kept.events[type] = remaining.isEmpty ? nil : remaining
            retired.append(Retired(event: type, versions: gone, isWholeType: remaining.isEmpty))
        }
        return (kept, retired)
    }
}
