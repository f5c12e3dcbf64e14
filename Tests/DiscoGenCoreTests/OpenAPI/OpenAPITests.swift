import DiscoGenCore
import Foundation
import Testing

/// The OpenAPI stages: the schemas the rules give, the operations and responses, name
/// collisions between specs, and the JSON writer's bytes.
@Suite struct OpenAPITests {
    static let spec = """
        aggregate: Shop
        description: A shop.
        state:
          name: string
          closed_at: date?
        commands:
          open_shop:
            creates: true
            params:
              name: { type: string, min_length: 2, max_length: 40 }
              code: { type: string, format: "[A-Z]{3}" }
              size: { type: int, default: 3, min: 1, max: 9 }
              share: { type: double, default: 00.5, max: 007 }
              rate: { type: decimal, greater_than: 0, less_than: 1.5 }
              kind: { type: string, default: 'small', in: [small, big] }
              tags: { type: "list<string>?", max_length: 3 }
            emit: shop_opened
        events:
          shop_opened:
            fields: { name: string }
            apply: { name: name }
        queries:
          shops_named:
            params: { name: string }
            where: { name: name }
          shop_by_name:
            params: { name: string }
            where: { name: name }
            returns: one
        """

    func document(_ yamls: [(String, String)] = [("Specs/shop.yml", spec)]) throws -> JSONValue {
        let checked = try yamls.map { try GeneratorPipeline().check(yaml: $0.1, file: $0.0).spec }
        return try OpenAPITranslator().translate(checked).json
    }

    @Test func paramsCarryEverythingTheirRulesSay() throws {
        let body = try #require(
            try document()["paths"]?["/commands/open_shop"]?["post"]?["requestBody"]?["content"]?["application/json"]?[
                "schema"
            ]
        )
        #expect(body["additionalProperties"] == false)
        #expect(body["required"] == .array(["name", "code", "rate"]))
        let properties = try #require(body["properties"])
        #expect(properties["id"]?["format"] == "uuid")
        #expect(properties["name"]?["minLength"] == .int(2))
        #expect(properties["name"]?["maxLength"] == .int(40))
        #expect(properties["name"]?["pattern"] == "\\S")
        #expect(properties["code"]?["pattern"] == "^(?:[A-Z]{3})$")
        #expect(properties["code"]?["allOf"] == .array([.object(["pattern": "\\S"])]))
        // A param that may be missing may be null (null counts as missing); a required one may not.
        #expect(properties["size"]?["type"] == .array(["integer", "null"]))
        #expect(properties["name"]?["type"] == "string")
        #expect(properties["id"]?["type"] == .array(["string", "null"]))
        #expect(properties["size"]?["minimum"] == .number("1"))
        #expect(properties["size"]?["maximum"] == .number("9"))
        #expect(properties["size"]?["default"] == .number("3"))
        #expect(properties["share"]?["default"] == .number("0.5"))
        #expect(properties["share"]?["maximum"] == .number("7"))
        #expect(properties["rate"]?["exclusiveMinimum"] == .number("0"))
        #expect(properties["rate"]?["exclusiveMaximum"] == .number("1.5"))
        #expect(properties["kind"]?["enum"] == .array(["small", "big", .null]))
        #expect(properties["kind"]?["default"] == "small")
        #expect(properties["tags"]?["type"] == .array(["array", "null"]))
        #expect(properties["tags"]?["maxItems"] == .int(3))
    }

    @Test func everyOperationHasItsResponses() throws {
        let doc = try document()
        let command = try #require(doc["paths"]?["/commands/open_shop"]?["post"])
        #expect(command["operationId"] == "open_shop")
        #expect(command["tags"] == .array(["Shop"]))
        guard case .object(let responses) = command["responses"] else { throw Failure("no responses") }
        #expect(responses.keys.sorted() == ["200", "202", "400", "404", "409", "412", "413", "422", "503"])
        #expect(responses["422"] == .object(["$ref": "#/components/responses/UnprocessableContent"]))
        #expect(
            responses["200"]?["content"]?["application/json"]?["schema"]
                == .object(["$ref": "#/components/schemas/Shop"])
        )
        #expect(
            responses["202"]?["content"]?["application/json"]?["schema"]
                == .object(["$ref": "#/components/schemas/AcceptedCommand"])
        )
        let list = try #require(doc["paths"]?["/queries/shops_named"]?["get"])
        #expect(list["responses"]?["200"]?["content"]?["application/json"]?["schema"]?["type"] == "array")
        #expect(
            list["parameters"]
                == .array([
                    .object([
                        "name": "name", "in": "query", "required": true,
                        "schema": .object(["type": "string", "minLength": .int(1), "pattern": "\\S"]),
                    ])
                ])
        )
        let read = try #require(doc["paths"]?["/aggregates/Shop/{id}"]?["get"])
        #expect(read["operationId"] == "get_Shop")
        let problem = try #require(
            doc["components"]?["responses"]?["UnprocessableContent"]?["content"]?["application/problem+json"]
        )
        #expect(problem == .object(["schema": .object(["$ref": "#/components/schemas/ProblemDetails"])]))
        let errors = try #require(doc["components"]?["schemas"]?["ProblemDetails"]?["properties"]?["errors"])
        #expect(errors["additionalProperties"] == .object(["type": "array", "items": .object(["type": "string"])]))
        let state = try #require(doc["components"]?["schemas"]?["Shop"])
        #expect(state["required"] == .array(["id", "name", "closed_at"]))
        #expect(
            state["properties"]?["closed_at"] == .object(["type": .array(["string", "null"]), "format": "date-time"])
        )
    }

    @Test func aNameTwoSpecsDefineIsAnErrorNamingBoth() throws {
        let other = Self.spec.replacingOccurrences(of: "aggregate: Shop", with: "aggregate: Store")
            .replacingOccurrences(of: "shops_named", with: "stores_named")
        do {
            _ = try document([("Specs/shop.yml", Self.spec), ("Specs/store.yml", other)])
            Issue.record("expected an error")
        } catch let diagnostics as Diagnostics {
            let messages = diagnostics.all.map(\.description)
            #expect(
                messages.contains {
                    $0.hasPrefix("Specs/store.yml:")
                        && $0.contains("command 'open_shop' is also defined by Shop in Specs/shop.yml:")
                }
            )
            #expect(messages.contains { $0.contains("query 'shop_by_name'") })
            #expect(!messages.contains { $0.contains("stores_named") })
        }
    }

    @Test func theWriterSortsKeysAndEscapesControlCharacters() {
        let value: JSONValue = .object(["b": .array([]), "a": .object([:]), "é": "x\n\u{1}\"", "Z": .number("1.50")])
        #expect(
            JSONWriter().write(value)
                == "{\n  \"Z\": 1.50,\n  \"a\": {},\n  \"b\": [],\n  \"é\": \"x\\n\\u0001\\\"\"\n}\n"
        )
    }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension JSONValue {
    /// The member of an object, or `nil`.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }
}
