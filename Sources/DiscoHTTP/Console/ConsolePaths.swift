import Disco
import Foundation

/// The console's addresses, each name percent-encoded as one path segment.
enum ConsolePaths {
    /// Where the console is mounted.
    static let root = "/console"
    static let stylesheet = root + "/console.css"
    static let script = root + "/console.js"
    static let streams = root + "/streams"
    static let live = root + "/live"
    static let liveEvents = root + "/live/events"

    static func command(_ name: String) -> String { root + "/commands/" + segment(name) }
    static func query(_ name: String) -> String { root + "/queries/" + segment(name) }
    static func stream(_ stream: StreamID) -> String {
        streams + "/" + segment(stream.aggregate) + "/" + stream.id.lowercasedText
    }

    /// A name as one path segment.
    static func segment(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? name
    }

    /// A path segment the router matched, decoded.
    static func name(_ segment: String?) -> String {
        guard let segment else { return "" }
        return segment.removingPercentEncoding ?? segment
    }

    private static let segmentCharacters: CharacterSet = {
        var characters = CharacterSet.urlPathAllowed
        characters.remove(charactersIn: "/;?#%")
        return characters
    }()
}
