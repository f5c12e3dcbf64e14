import Disco
import HTTPTypes
import Hummingbird

/// An error response as RFC 9457 problem details (`application/problem+json`): a problem
/// type, a title, the status, a detail for the reader and, for params, the error map.
///
/// ```json
/// {"type":"urn:disco:problem:invalid-params","title":"Invalid params","status":422,
///  "detail":"the params break the command's rules","errors":{"amount":["must be a number greater than 0"]}}
/// ```
public struct ProblemDetails: Error, Sendable, Hashable {
    /// A URI naming the kind of problem: `urn:disco:problem:invalid-params`.
    public var type: String
    /// A short, fixed summary of the kind of problem.
    public var title: String
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// What happened this time, for a person; never internal details.
    public var detail: String
    /// The messages of each field, exactly the spec language's: for invalid params and broken
    /// rules.
    public var errors: ValidationErrors?

    /// A problem.
    public init(
        type: String,
        title: String,
        status: HTTPResponse.Status,
        detail: String,
        errors: ValidationErrors? = nil
    ) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.errors = errors
    }

    /// The problem as its JSON object.
    public var json: Params {
        var params: Params = [
            "type": .string(type),
            "title": .string(title),
            "status": .int(status.code),
            "detail": .string(detail),
        ]
        if let errors {
            params["errors"] = .object(Params(errors.fields.map { ($0.key, .array($0.value.map(Value.string))) }))
        }
        return params
    }

    /// The problem as a response, with any extra headers.
    public func response(headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        headers.append(contentsOf: extra)
        let bytes = (try? JSON.encode(json)) ?? Array(#"{"title":"Internal error","status":500}"#.utf8)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
