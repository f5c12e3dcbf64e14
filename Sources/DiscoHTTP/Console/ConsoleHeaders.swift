import HTTPTypes
import Hummingbird

/// The headers of every console page: HTML that loads nothing from elsewhere, runs no inline
/// script, cannot be framed, and is not cached.
enum ConsoleHeaders {
    /// Only the console's own stylesheet and script, its event stream, and posts to itself.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// The headers of a response of some content type.
    static func headers(contentType: String) -> HTTPFields {
        [
            .contentType: contentType,
            .contentSecurityPolicy: contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
            .frameOptions: "DENY",
            .referrerPolicy: "same-origin",
            .cacheControl: "no-store",
        ]
    }
}

extension HTTPField.Name {
    /// `Sec-Fetch-Site`: where a browser's request comes from (`same-origin`, `cross-site`…).
    static var secFetchSite: Self { Self("Sec-Fetch-Site")! }
    /// `Last-Event-ID`: the id of the last server-sent event a reconnecting client saw.
    static var lastEventID: Self { Self("Last-Event-ID")! }
    /// `X-Frame-Options`.
    static var frameOptions: Self { Self("X-Frame-Options")! }
    /// `Referrer-Policy`.
    static var referrerPolicy: Self { Self("Referrer-Policy")! }
}
