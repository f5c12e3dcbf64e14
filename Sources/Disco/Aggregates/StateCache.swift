/// A bounded map that forgets the least recently used entry first: the states commands
/// decide on.
///
/// Lookups and updates are O(1): the entries form a doubly linked list, kept in arrays,
/// from the most to the least recently used.
struct StateCache<Key: Hashable, Entry> {
    private struct Node {
        var key: Key
        var entry: Entry
        var newer: Int?
        var older: Int?
    }

    /// The most entries kept; at least 1.
    let limit: Int
    private var slots: [Key: Int] = [:]
    private var nodes: [Node] = []
    private var free: [Int] = []
    private var newest: Int?
    private var oldest: Int?

    /// An empty cache keeping at most `limit` entries.
    init(limit: Int) {
        self.limit = Swift.max(limit, 1)
    }

    /// How many entries are kept.
    var count: Int { slots.count }

    /// The entry of a key, marked as just used; `nil` when it is not kept.
    mutating func get(_ key: Key) -> Entry? {
        guard let slot = slots[key] else { return nil }
        moveToFront(slot)
        return nodes[slot].entry
    }

    /// Whether a key is kept, without marking it as used.
    func contains(_ key: Key) -> Bool {
        slots[key] != nil
    }

    /// Keeps an entry as the most recently used, forgetting the least recently used one
    /// when the cache is full.
    mutating func set(_ key: Key, _ entry: Entry) {
        if let slot = slots[key] {
            nodes[slot].entry = entry
            moveToFront(slot)
            return
        }
        if slots.count >= limit, let last = oldest {
            unlink(last)
            slots[nodes[last].key] = nil
            free.append(last)
        }
        let node = Node(key: key, entry: entry, newer: nil, older: nil)
        let slot: Int
        if let reused = free.popLast() {
            nodes[reused] = node
            slot = reused
        } else {
            nodes.append(node)
            slot = nodes.count - 1
        }
        slots[key] = slot
        pushFront(slot)
    }

    /// Forgets a key.
    mutating func remove(_ key: Key) {
        guard let slot = slots.removeValue(forKey: key) else { return }
        unlink(slot)
        free.append(slot)
    }

    private mutating func moveToFront(_ slot: Int) {
        guard newest != slot else { return }
        unlink(slot)
        pushFront(slot)
    }

    private mutating func pushFront(_ slot: Int) {
        nodes[slot].newer = nil
        nodes[slot].older = newest
        if let newest { nodes[newest].newer = slot }
        newest = slot
        if oldest == nil { oldest = slot }
    }

    private mutating func unlink(_ slot: Int) {
        let newer = nodes[slot].newer
        let older = nodes[slot].older
        if let newer { nodes[newer].older = older } else { newest = older }
        if let older { nodes[older].newer = newer } else { oldest = newer }
        nodes[slot].newer = nil
        nodes[slot].older = nil
    }
}
