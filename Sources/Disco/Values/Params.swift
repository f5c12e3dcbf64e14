import OrderedCollections

/// The params of a command or query, and the fields of a state or event payload: names
/// mapped to JSON-like values, in the order they were given.
///
/// ```swift
/// let params: Params = ["user_id": .string(userID.uuidString), "balance": 100.0]
/// ```
public struct Params: Sendable, Hashable {
    @usableFromInline var storage: OrderedDictionary<String, Value>

    /// No params.
    @inlinable
    public init() {
        self.storage = [:]
    }

    /// Params from name and value pairs; a later pair wins over an earlier one of the same name.
    @inlinable
    public init<Pairs: Sequence>(_ pairs: Pairs) where Pairs.Element == (String, Value) {
        var storage = OrderedDictionary<String, Value>(minimumCapacity: pairs.underestimatedCount)
        for (name, value) in pairs { storage[name] = value }
        self.storage = storage
    }

    /// The value of a name; setting `nil` removes the name.
    @inlinable
    public subscript(name: String) -> Value? {
        get { storage[name] }
        set { storage[name] = newValue }
    }

    /// The names, in order.
    public var keys: [String] { Array(storage.keys) }

    /// How many names there are.
    @inlinable
    public var count: Int { storage.count }

    /// Whether there are no params.
    @inlinable
    public var isEmpty: Bool { storage.isEmpty }

    /// Reserves room for a number of params.
    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        storage.reserveCapacity(minimumCapacity)
    }
}

extension Params: ExpressibleByDictionaryLiteral {
    @inlinable
    public init(dictionaryLiteral elements: (String, Value)...) {
        var storage = OrderedDictionary<String, Value>(minimumCapacity: elements.count)
        for (name, value) in elements { storage[name] = value }
        self.storage = storage
    }
}

extension Params: Sequence {
    /// Walks the name and value pairs in order.
    public struct Iterator: IteratorProtocol {
        fileprivate var base: OrderedDictionary<String, Value>.Iterator

        public mutating func next() -> (key: String, value: Value)? {
            base.next()
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(base: storage.makeIterator())
    }

    public var underestimatedCount: Int { storage.count }
}
