/// How spec names (snake_case) become Swift names.
public enum Naming {
    /// `create_wallet` → `createWallet`.
    public static func lowerCamelCase(_ name: String) -> String {
        let parts = name.split(separator: "_", omittingEmptySubsequences: true)
        guard let first = parts.first else { return name }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// `create_wallet` → `CreateWallet`.
    public static func upperCamelCase(_ name: String) -> String {
        let lower = lowerCamelCase(name)
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }

    /// A lowerCamelCase identifier, in backticks when it is a Swift keyword.
    public static func identifier(_ name: String) -> String {
        let camel = lowerCamelCase(name)
        return swiftKeywords.contains(camel) ? "`\(camel)`" : camel
    }

    /// A member access: `.balance`, or `.\`default\``.
    public static func member(_ name: String) -> String {
        "." + identifier(name)
    }

    /// Whether a name is snake_case as the spec language requires: `[a-z][a-z0-9_]*`.
    public static func isSnakeCase(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// Whether a name is UpperCamelCase: an ASCII capital, then letters and digits.
    public static func isUpperCamelCase(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
    }

    /// Swift's keywords, which need backticks as identifiers.
    public static let swiftKeywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate",
        "func", "import", "init", "inout", "internal", "let", "open", "operator", "private", "precedencegroup",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case",
        "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in",
        "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil",
        "self", "Self", "super", "throws", "true", "try", "async", "some", "any", "Type", "Protocol",
    ]
}
