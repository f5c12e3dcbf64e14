extension OpenAPITranslator {
    /// The error responses, by status: their component name and description.
    static let problemResponses: [String: (name: String, description: String)] = [
        "400": ("BadRequest", "The body is not a JSON object, or a header is malformed."),
        "404": (
            "NotFound",
            "Unknown command or query, no aggregate with the id (`errors`: `{\"id\": [\"not found\"]}`), or a `returns: one` query found none."
        ),
        "409": (
            "Conflict",
            "An aggregate with the id already exists (`{\"id\": [\"already exists\"]}`), or the stream kept changing past the retry limit."
        ),
        "412": ("PreconditionFailed", "`If-Match` names another version than the aggregate's."),
        "413": ("ContentTooLarge", "The body is larger than the server accepts."),
        "422": (
            "UnprocessableContent",
            "Invalid params (validation), or a business rule (`require`) refused the command: `errors` maps each field to its messages."
        ),
        "503": ("ServiceUnavailable", "The event store failed; nothing is known to be recorded."),
    ]

    /// What every document holds besides the aggregates: the problem details, the accepted
    /// body, the request and response headers, the error responses.
    static var sharedComponents: OpenAPIDocument.Components {
        var problem = JSONSchema(type: "object")
        problem.description = "RFC 9457 problem details, with the error map as `errors`."
        var errors = JSONSchema(type: "object")
        errors.description =
            "Each field (a param, `id` or `base`) with its messages, exactly as the spec language gives them."
        errors.additionalProperties = .schema(.init(.array(of: JSONSchema(type: "string"))))
        problem.properties = [
            "type": JSONSchema(type: "string"),
            "title": JSONSchema(type: "string"),
            "status": JSONSchema(type: "integer"),
            "detail": JSONSchema(type: "string"),
            "errors": errors,
        ]
        problem.required = ["type", "title", "status"]
        var accepted = JSONSchema(type: "object")
        accepted.properties = ["id": JSONSchema(type: "string", format: "uuid")]
        accepted.required = ["id"]
        accepted.additionalProperties = .forbidden
        var version = JSONSchema(type: "string")
        version.pattern = "^\"[0-9]+\"$"
        var ifMatch = JSONSchema(type: "string")
        ifMatch.pattern = "^(\\*|(W/)?\"[0-9]+\")?$"
        let responses = Dictionary(
            uniqueKeysWithValues: problemResponses.values.map { response in
                (
                    response.name,
                    OpenAPIDocument.Response(
                        description: response.description,
                        headers: [:],
                        content: ["application/problem+json": .component("ProblemDetails")]
                    )
                )
            }
        )
        return OpenAPIDocument.Components(
            schemas: ["ProblemDetails": problem, "AcceptedCommand": accepted],
            parameters: [
                "IdempotencyKey": .init(
                    name: "Idempotency-Key",
                    location: .header,
                    isRequired: false,
                    description: "Becomes the command's id: a retried request records its events once.",
                    schema: JSONSchema(type: "string")
                ),
                "IfMatch": .init(
                    name: "If-Match",
                    location: .header,
                    isRequired: false,
                    description:
                        "`\"<version>\"`: dispatch only if the aggregate is still at this version (412 otherwise); `*`: any version.",
                    schema: ifMatch
                ),
                "CorrelationID": .init(
                    name: "X-Correlation-ID",
                    location: .header,
                    isRequired: false,
                    description: "Flows into the recorded events' correlation id.",
                    schema: JSONSchema(type: "string")
                ),
                "Prefer": .init(
                    name: "Prefer",
                    location: .header,
                    isRequired: false,
                    description:
                        "Preferences (RFC 7240): `respond-async` answers 202 with the aggregate's id at once; others are ignored.",
                    schema: JSONSchema(type: "string")
                ),
            ],
            headers: [
                "ETag": .init(description: "The aggregate's version, `\"<version>\"`.", schema: version),
                "CorrelationID": .init(
                    description: "The request's correlation id.",
                    schema: JSONSchema(type: "string")
                ),
            ],
            responses: responses
        )
    }
}
