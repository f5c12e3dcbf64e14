/// What a spec's lock file records: every event type the spec has had and, for each, every
/// schema version it has had with its fields and types. Stores may hold any of them.
///
/// The lock sits beside its spec (`wallet.yml` → `wallet.lock`) and is committed with it.
/// ``SpecLockChecker`` compares a spec with its lock; ``SpecLockFile`` reads and writes the text.
public struct SpecLock: Sendable, Hashable {
    /// The fields of one version: names to types.
    public typealias Fields = [String: SpecType]

    /// The aggregate's name, as the spec had it.
    public var aggregate: String
    /// Event type → version → fields.
    public var events: [String: [Int: Fields]]

    /// A lock.
    public init(aggregate: String, events: [String: [Int: Fields]] = [:]) {
        self.aggregate = aggregate
        self.events = events
    }

    /// The lowest version recorded of any of `names`, or `nil` when none is recorded.
    public func lowestVersion(of names: [String]) -> Int? {
        names.compactMap { events[$0]?.keys.min() }.min()
    }

    /// The lock file's path for a spec's path: the extension replaced by `.lock`.
    public static func path(forSpec path: String) -> String {
        for suffix in [".yml", ".yaml"] where path.hasSuffix(suffix) {
            return String(path.dropLast(suffix.count)) + ".lock"
        }
        return path + ".lock"
    }
}
