import Disco
import HTTPTypes
import Hummingbird

/// Reading a command's params from a request body, within the limits.
enum RequestBody {
    /// The params of a body that is one JSON object; an empty body is no params.
    static func params(_ request: Request, options: DiscoHTTPOptions) async -> Result<Params, ProblemDetails> {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > options.maxBodySize {
            return .failure(tooLarge(options))
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: options.maxBodySize)
        } catch {
            return .failure(tooLarge(options))
        }
        let bytes = buffer.readableBytesView
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return .success([:]) }
        guard JSONNesting.isWithin(options.maxJSONDepth, bytes) else {
            return .failure(badBody("the body nests arrays and objects deeper than \(options.maxJSONDepth) levels"))
        }
        do {
            guard case .object(let params) = try JSON.decode(bytes) else {
                return .failure(badBody("the body must be a JSON object of params"))
            }
            return .success(params)
        } catch {
            return .failure(badBody("the body is not JSON: \(error.message)"))
        }
    }

    private static func tooLarge(_ options: DiscoHTTPOptions) -> ProblemDetails {
        ProblemDetails(
            type: ProblemType.bodyTooLarge,
            title: "Body too large",
            status: .contentTooLarge,
            detail: "the body is larger than \(options.maxBodySize) bytes"
        )
    }

    private static func badBody(_ detail: String) -> ProblemDetails {
        ProblemDetails(type: ProblemType.badBody, title: "Bad body", status: .badRequest, detail: detail)
    }
}
