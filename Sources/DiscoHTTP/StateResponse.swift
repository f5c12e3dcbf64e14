import Disco
import HTTPTypes
import Hummingbird

/// Successful answers: states as JSON objects of their fields, with their version as ETag.
enum StateResponse {
    /// A JSON response.
    static func json(_ value: Value, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        headers.append(contentsOf: extra)
        guard let bytes = try? JSON.encode(value) else {
            return ProblemDetails.internalError.response()
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// One state, `ETag: "<version>"`.
    static func state(_ state: AggregateState, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.eTag: EntityTag.tag(state.version)]
        headers.append(contentsOf: extra)
        return json(.object(state.fields), headers: headers)
    }
}

extension ProblemDetails {
    /// Something failed inside the server: 500, with no details.
    public static let internalError = ProblemDetails(
        type: ProblemType.http,
        title: "Internal error",
        status: .internalServerError,
        detail: "the server failed to answer; the failure is logged"
    )
}
