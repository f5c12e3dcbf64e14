extension OpenAPIDocument {
    /// The document as JSON, ready for ``JSONWriter``.
    public var json: JSONValue {
        var info: [String: JSONValue] = ["title": .string(title), "version": .string(version)]
        info["description"] = .string(description)
        return .object([
            "openapi": "3.1.0",
            "info": .object(info),
            "tags": .array(
                tags.map { tag in
                    var members: [String: JSONValue] = ["name": .string(tag.name)]
                    if let description = tag.description { members["description"] = .string(description) }
                    return .object(members)
                }
            ),
            "paths": .object(paths.mapValues(\.json)),
            "components": .object([
                "schemas": .object(components.schemas.mapValues(\.json)),
                "parameters": .object(components.parameters.mapValues(\.json)),
                "headers": .object(components.headers.mapValues(\.json)),
                "responses": .object(components.responses.mapValues(\.json)),
            ]),
        ])
    }
}

extension OpenAPIDocument.PathItem {
    var json: JSONValue {
        var members: [String: JSONValue] = [:]
        if let get { members["get"] = get.json }
        if let post { members["post"] = post.json }
        return .object(members)
    }
}

extension OpenAPIDocument.Operation {
    var json: JSONValue {
        var members: [String: JSONValue] = [
            "operationId": .string(operationID),
            "summary": .string(summary),
            "tags": .array(tags.map(JSONValue.string)),
            "responses": .object(responses.mapValues { $0.json(kind: "responses", \.json) }),
        ]
        if let description { members["description"] = .string(description) }
        if !parameters.isEmpty {
            members["parameters"] = .array(parameters.map { $0.json(kind: "parameters", \.json) })
        }
        if let requestBody {
            members["requestBody"] = .object([
                "description": .string(requestBody.description),
                "required": .bool(requestBody.isRequired),
                "content": OpenAPIDocument.content(requestBody.content),
            ])
        }
        return .object(members)
    }
}

extension OpenAPIDocument.Parameter {
    var json: JSONValue {
        var members: [String: JSONValue] = [
            "name": .string(name),
            "in": .string(location.rawValue),
            "required": .bool(isRequired),
            "schema": schema.json,
        ]
        if let description { members["description"] = .string(description) }
        if isExplodedList {
            members["style"] = "form"
            members["explode"] = true
        }
        return .object(members)
    }
}

extension OpenAPIDocument.Response {
    var json: JSONValue {
        var members: [String: JSONValue] = ["description": .string(description)]
        if !headers.isEmpty { members["headers"] = .object(headers.mapValues { $0.json(kind: "headers", \.json) }) }
        if !content.isEmpty { members["content"] = OpenAPIDocument.content(content) }
        return .object(members)
    }
}

extension OpenAPIDocument.Header {
    var json: JSONValue {
        .object(["description": .string(description), "schema": schema.json])
    }
}

extension OpenAPIDocument.Referenced {
    func json(kind: String, _ value: (Value) -> JSONValue) -> JSONValue {
        switch self {
        case .value(let inner): value(inner)
        case .ref(let name): .object(["$ref": .string("#/components/\(kind)/\(name)")])
        }
    }
}

extension OpenAPIDocument {
    static func content(_ content: [String: JSONSchema]) -> JSONValue {
        .object(content.mapValues { .object(["schema": $0.json]) })
    }
}
