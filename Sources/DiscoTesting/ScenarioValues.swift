import Disco
import Foundation

/// How scenarios compare JSON-like values: by what they mean rather than how they are written.
enum ScenarioValues {
    /// Whether two payloads have the same names with the same values.
    static func same(_ left: Params, _ right: Params) -> Bool {
        left.count == right.count && left.allSatisfy { name, value in right[name].map { same(value, $0) } ?? false }
    }

    /// Whether two values mean the same: numbers by value, uuids in any case, dates at the same instant.
    static func same(_ left: Value, _ right: Value) -> Bool {
        switch (left, right) {
        case (.string(let a), .string(let b)):
            if a == b { return true }
            if let x = UUID(uuidString: a), let y = UUID(uuidString: b) { return x == y }
            if let x = ISO8601.date(from: a), let y = ISO8601.date(from: b) { return x == y }
            return false
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (.object(let a), .object(let b)):
            return same(a, b)
        default:
            if let a = left.decimalValue, let b = right.decimalValue { return a == b }
            return left == right
        }
    }
}
