import Disco
import HTTPTypes
import Hummingbird

extension DispatchError {
    /// The problem details a failed dispatch is answered with: the status table of
    /// Docs/HTTP.md. Store failures say nothing of the store.
    public var problem: ProblemDetails {
        switch self {
        case .unknownCommand(let name):
            ProblemDetails(
                type: ProblemType.unknownName,
                title: "Unknown command",
                status: .notFound,
                detail: "there is no command named '\(name)'"
            )
        case .invalidParams(let errors):
            ProblemDetails(
                type: ProblemType.invalidParams,
                title: "Invalid params",
                status: .unprocessableContent,
                detail: "the params break the command's rules",
                errors: errors
            )
        case .rejected(let errors):
            Self.rejection(errors)
        case .conflict:
            ProblemDetails(
                type: ProblemType.conflict,
                title: "Conflict",
                status: .conflict,
                detail: "the aggregate kept changing under the command; nothing was recorded, try again"
            )
        case .storeFailure:
            ProblemDetails.storeUnavailable
        case .refused(let refusal):
            ProblemDetails(
                type: ProblemType.refused,
                title: "Refused",
                status: .forbidden,
                detail: "\(refusal.code): \(refusal.message)"
            )
        case .versionMismatch(let expected, let actual):
            ProblemDetails(
                type: ProblemType.versionMismatch,
                title: "Version mismatch",
                status: .preconditionFailed,
                detail: "the aggregate is at version \(actual), not \(expected); nothing was recorded"
            )
        }
    }

    /// A refusal by the aggregate: `not found` on `id` is 404, `already exists` 409, broken
    /// `require` rules 422.
    private static func rejection(_ errors: ValidationErrors) -> ProblemDetails {
        if errors.fields.count == 1, errors["id"] == [ValidationMessage.notFound] {
            return ProblemDetails(
                type: ProblemType.notFound,
                title: "Not found",
                status: .notFound,
                detail: "the aggregate does not exist",
                errors: errors
            )
        }
        if errors.fields.count == 1, errors["id"] == [ValidationMessage.alreadyExists] {
            return ProblemDetails(
                type: ProblemType.alreadyExists,
                title: "Already exists",
                status: .conflict,
                detail: "an aggregate with this id exists already",
                errors: errors
            )
        }
        return ProblemDetails(
            type: ProblemType.ruleBroken,
            title: "Rule broken",
            status: .unprocessableContent,
            detail: "the command breaks the aggregate's rules",
            errors: errors
        )
    }
}

extension QueryError {
    /// The problem details a failed query is answered with.
    public var problem: ProblemDetails {
        switch self {
        case .unknownQuery(let name):
            ProblemDetails(
                type: ProblemType.unknownName,
                title: "Unknown query",
                status: .notFound,
                detail: "there is no query named '\(name)'"
            )
        case .invalidParams(let errors):
            ProblemDetails(
                type: ProblemType.invalidParams,
                title: "Invalid params",
                status: .unprocessableContent,
                detail: "the params break the query's rules",
                errors: errors
            )
        }
    }
}

extension ProblemDetails {
    /// The event store failed: 503, with nothing of the store's own message.
    public static let storeUnavailable = ProblemDetails(
        type: ProblemType.unavailable,
        title: "Store unavailable",
        status: .serviceUnavailable,
        detail: "the event store is unavailable; nothing is known to be recorded"
    )
}
