import Disco

/// Readable differences between what a scenario expected and what happened.
enum ScenarioDiff {
    /// A line diff: common lines indented, expected-only lines marked `-`, actual-only `+`.
    static func lines(expected: [String], actual: [String]) -> String {
        var lines = ["  (- expected, + actual)"]
        if expected.isEmpty && actual.isEmpty { return "  no events" }
        // Longest common subsequence, small inputs.
        let n = expected.count
        let m = actual.count
        var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] =
                    expected[i] == actual[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, expected[i] == actual[j] {
                lines.append("    \(expected[i])")
                i += 1
                j += 1
            } else if j == m || (i < n && table[i + 1][j] >= table[i][j + 1]) {
                lines.append("  - \(expected[i])")
                i += 1
            } else {
                lines.append("  + \(actual[j])")
                j += 1
            }
        }
        if expected.isEmpty { lines.append("  - (no events)") }
        if actual.isEmpty { lines.append("  + (no events)") }
        return lines.joined(separator: "\n")
    }

    /// The fields of two error maps whose messages differ.
    static func errors(expected: ValidationErrors, actual: ValidationErrors) -> String {
        var lines = ["  expected: \(expected)", "  actual:   \(actual)"]
        let fields = expected.fields.keys + actual.fields.keys.filter { expected.fields[$0] == nil }
        for field in fields where expected[field] != actual[field] {
            lines.append("  \(field): expected \(describe(expected[field])), actual \(describe(actual[field]))")
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ messages: [String]) -> String {
        messages.isEmpty ? "none" : "[" + messages.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }
}
