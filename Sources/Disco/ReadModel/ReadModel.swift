import Foundation

/// Every state of one aggregate type, in creation order: what queries run on.
///
/// Equality indexes (`field == value`) are built the first time a query asks for one and
/// kept current from then on, so a query with a ``QueryIndex`` looks up its candidates
/// instead of testing every state. The `id` field is always indexed.
struct ReadModel<State: Aggregate> {
    private var entries: [VersionedState<State>] = []
    private var slotByID: [UUID: Int] = [:]
    private var indexes: [String: [Value: Set<Int>]] = [:]

    /// The names of the fields indexed so far, sorted.
    var indexedFields: [String] { indexes.keys.sorted() }

    /// How many states it holds: one per aggregate.
    var count: Int { entries.count }

    /// The state of an aggregate, `nil` when it has none yet.
    func entry(_ id: UUID) -> VersionedState<State>? {
        slotByID[id].map { entries[$0] }
    }

    /// Where an aggregate's state is kept, `nil` when it has none yet; a slot stays the
    /// aggregate's for good.
    func slot(of id: UUID) -> Int? {
        slotByID[id]
    }

    /// The state kept in a slot.
    func entry(at slot: Int) -> VersionedState<State> {
        entries[slot]
    }

    /// Keeps a newer state of an aggregate; an older or equal version is ignored.
    /// - Returns: The aggregate's slot.
    @discardableResult
    mutating func update(_ id: UUID, to new: VersionedState<State>) -> Int {
        guard let slot = slotByID[id] else {
            let slot = entries.count
            entries.append(new)
            slotByID[id] = slot
            guard !indexes.isEmpty else { return slot }
            let fields = new.state.fields
            for field in indexes.keys {
                indexes[field, default: [:]][fields[field] ?? .null, default: []].insert(slot)
            }
            return slot
        }
        update(at: slot, to: new)
        return slot
    }

    /// Keeps a newer state in an aggregate's slot; an older or equal version is ignored.
    mutating func update(at slot: Int, to new: VersionedState<State>) {
        let old = entries[slot]
        guard new.version > old.version else { return }
        entries[slot] = new
        guard !indexes.isEmpty else { return }
        let oldFields = old.state.fields
        let newFields = new.state.fields
        for field in indexes.keys {
            let before = oldFields[field] ?? .null
            let after = newFields[field] ?? .null
            guard before != after else { continue }
            indexes[field, default: [:]][before]?.remove(slot)
            if indexes[field]?[before]?.isEmpty == true { indexes[field]?[before] = nil }
            indexes[field, default: [:]][after, default: []].insert(slot)
        }
    }

    /// The states a query matches, in creation order; only the first when it returns one.
    mutating func matches(_ query: Query<State>) -> [VersionedState<State>] {
        let limit = query.returns == .one ? 1 : Int.max
        guard let index = query.index else {
            return Array(entries.lazy.filter { query.matches($0.state) }.prefix(limit))
        }
        var found: [VersionedState<State>] = []
        for slot in candidates(index) {
            let entry = entries[slot]
            guard query.matches(entry.state) else { continue }
            found.append(entry)
            if found.count == limit { break }
        }
        return found
    }

    /// The slots whose field equals the value, in creation order.
    private mutating func candidates(_ index: QueryIndex) -> [Int] {
        if index.field == "id" {
            guard let id = UUID(value: index.value), let slot = slotByID[id] else {
                return []
            }
            return [slot]
        }
        if indexes[index.field] == nil { buildIndex(index.field) }
        return indexes[index.field]?[index.value].map { $0.sorted() } ?? []
    }

    private mutating func buildIndex(_ field: String) {
        var index: [Value: Set<Int>] = [:]
        for (slot, entry) in entries.enumerated() {
            index[entry.state.fields[field] ?? .null, default: []].insert(slot)
        }
        indexes[field] = index
    }
}
