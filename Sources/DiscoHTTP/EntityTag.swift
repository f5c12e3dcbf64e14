/// Versions as HTTP entity tags: `ETag: "3"`, and what an `If-Match` asks for.
enum EntityTag {
    /// What an `If-Match` header asks of the aggregate.
    enum Precondition: Equatable {
        /// No header, an empty list of tags, or `*`: any version.
        case any
        /// `"3"` (or the weak `W/"3"`): exactly this version.
        case version(Int)
        /// Well-formed tags none of which is one of ours: no version matches (412, as
        /// RFC 9110 says of tags that do not match).
        case never
        /// Not a list of entity tags: a bad request.
        case malformed
    }

    /// The tag of a version: `"3"`.
    static func tag(_ version: Int) -> String { "\"\(version)\"" }

    /// What an `If-Match` header asks for. A list of tags counts as its one version tag; a
    /// list naming several versions can never match.
    static func precondition(ifMatch header: String?) -> Precondition {
        guard let header else { return .any }
        let text = header.trimmingWhitespace
        if text == "*" || text.isEmpty { return .any }
        var versions: Set<Int> = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            var tag = Substring(String(item).trimmingWhitespace)
            if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
            guard tag.count >= 2, tag.first == "\"", tag.last == "\"" else { return .malformed }
            let opaque = tag.dropFirst().dropLast()
            guard !opaque.contains("\"") else { return .malformed }
            if let version = Int(opaque), version >= 0, !opaque.hasPrefix("+") { versions.insert(version) }
        }
        guard versions.count == 1, let version = versions.first else { return .never }
        return .version(version)
    }
}

extension String {
    /// The text without spaces and tabs around it.
    var trimmingWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}
