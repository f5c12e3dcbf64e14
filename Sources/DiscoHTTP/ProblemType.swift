/// The problem types DiscoHTTP answers with: `type` members of its problem details
/// (Docs/HTTP.md has the table).
public enum ProblemType {
    /// Params breaking the spec's validation rules: 422.
    public static let invalidParams = "urn:disco:problem:invalid-params"
    /// A valid command refused by a `require` rule: 422.
    public static let ruleBroken = "urn:disco:problem:rule-broken"
    /// The aggregate does not exist (`not found`): 404.
    public static let notFound = "urn:disco:problem:not-found"
    /// The aggregate exists already (`already exists`): 409.
    public static let alreadyExists = "urn:disco:problem:already-exists"
    /// Writers kept racing on the aggregate past the retry limit: 409.
    public static let conflict = "urn:disco:problem:conflict"
    /// `If-Match` named another version than the aggregate's: 412.
    public static let versionMismatch = "urn:disco:problem:version-mismatch"
    /// No command, query or aggregate type of that name: 404.
    public static let unknownName = "urn:disco:problem:unknown-name"
    /// The body is not a JSON object, or nests too deeply: 400.
    public static let badBody = "urn:disco:problem:bad-body"
    /// A header the request cannot be answered with (an `If-Match` that is not entity tags): 400.
    public static let badHeader = "urn:disco:problem:bad-header"
    /// The body is larger than the limit: 413.
    public static let bodyTooLarge = "urn:disco:problem:body-too-large"
    /// The event store failed: 503.
    public static let unavailable = "urn:disco:problem:store-unavailable"
    /// A dispatch middleware refused the command: 403.
    public static let refused = "urn:disco:problem:refused"
    /// The request has no valid credentials: 401.
    public static let unauthorized = "urn:disco:problem:unauthorized"
    /// Any other HTTP error (an unknown path, a wrong method): its status, no details.
    public static let http = "about:blank"
}
