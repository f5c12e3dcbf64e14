import HTTPTypes
import Hummingbird

/// Refuses form posts that another site made a browser send (cross-site request forgery):
/// a console post must come from a page of the console itself.
///
/// A browser says where a request comes from: `Sec-Fetch-Site` (every current browser) must be
/// `same-origin`, and `Origin`, when sent, must name the host the request was sent to (its
/// `Host`, which HTTP/1.1 servers read as the request's authority). A request with neither header is not from a browser's form (curl, scripts) and
/// passes; a site cannot make a browser leave both out.
enum CrossSiteCheck {
    /// Why the post is refused, in words for the page; `nil` when it may go on.
    static func refusal(_ request: Request) -> String? {
        let headers = request.headers
        if let site = headers[.secFetchSite]?.lowercased(), site != "same-origin", site != "none" {
            return
                "The form was posted from another site (Sec-Fetch-Site: \(site)); the console only takes posts from its own pages."
        }
        guard let origin = headers[.origin] else { return nil }
        guard let host = request.head.authority,
            Self.authority(ofOrigin: origin) == Self.normalized(host)
        else {
            return
                "The form was posted from another origin (\(origin)); the console only takes posts from its own pages."
        }
        return nil
    }

    /// `host:port` of an origin such as `http://127.0.0.1:8080`, without a default port;
    /// `nil` for `null` or anything else that is not an origin.
    static func authority(ofOrigin origin: String) -> String? {
        for scheme in ["http://", "https://"] where origin.lowercased().hasPrefix(scheme) {
            let authority = origin.dropFirst(scheme.count)
            guard !authority.isEmpty, !authority.contains("/") else { return nil }
            return normalized(String(authority), defaultPort: scheme == "http://" ? ":80" : ":443")
        }
        return nil
    }

    private static func normalized(_ host: String, defaultPort: String? = nil) -> String {
        var host = host.lowercased()
        let ports = defaultPort.map { [$0] } ?? [":80", ":443"]
        if let port = ports.first(where: { host.hasSuffix($0) }) { host.removeLast(port.count) }
        return host
    }
}
