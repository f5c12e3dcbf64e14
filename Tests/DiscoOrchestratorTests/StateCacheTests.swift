@testable import Disco
import Testing

/// The bounded least-recently-used cache commands decide on.
@Suite struct StateCacheTests {
    @Test func evictsTheLeastRecentlyUsedEntryFirst() {
        var cache = StateCache<String, Int>(limit: 2)
        cache.set("a", 1)
        cache.set("b", 2)
        #expect(cache.get("a") == 1)
        cache.set("c", 3)
        #expect(cache.get("b") == nil)
        #expect(cache.get("a") == 1)
        #expect(cache.get("c") == 3)
        #expect(cache.count == 2)
    }

    @Test func updatingAKeyKeepsOneEntryAndMarksItUsed() {
        var cache = StateCache<String, Int>(limit: 2)
        cache.set("a", 1)
        cache.set("b", 2)
        cache.set("a", 10)
        cache.set("c", 3)
        #expect(cache.get("a") == 10)
        #expect(!cache.contains("b"))
        cache.remove("a")
        #expect(cache.count == 1)
        cache.set("d", 4)
        cache.set("e", 5)
        #expect(cache.count == 2)
        #expect(cache.get("c") == nil)
    }

    @Test func staysWithinItsLimitUnderManyKeys() {
        var cache = StateCache<Int, Int>(limit: 100)
        for key in 0..<10_000 { cache.set(key, key) }
        #expect(cache.count == 100)
        #expect((9_900..<10_000).allSatisfy { cache.get($0) == $0 })
        #expect(cache.get(0) == nil)
    }
}
