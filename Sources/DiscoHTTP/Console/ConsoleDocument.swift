import Disco
import Foundation

/// What the console reads from the OpenAPI document `disco-gen openapi` wrote: the params of
/// every command and query with their rules, and the descriptions, so that the forms are built
/// from the specs and nothing is kept in step by hand.
struct ConsoleDocument: Sendable {
    /// One command or query: its fields in the order a form shows them.
    struct Operation: Sendable {
        var summary: String?
        var description: String?
        var fields: [ConsoleField]
    }

    /// The commands, by name.
    private(set) var commands: [String: Operation] = [:]
    /// The queries, by name.
    private(set) var queries: [String: Operation] = [:]
    /// The description of each aggregate (the document's tags).
    private(set) var aggregateDescriptions: [String: String] = [:]
    /// Why there is no document to read, for the pages to say; `nil` when it was read.
    private(set) var problem: String?

    /// Reads a document; one that is missing or not JSON leaves every form unknown and says why.
    init(_ data: Data?) {
        guard let data else {
            problem = "The console was given no OpenAPI document, so it cannot build forms."
            return
        }
        let root: Value
        do {
            root = try JSON.decode(data)
        } catch {
            problem = "The OpenAPI document is not JSON (\(error.message)), so the console cannot build forms."
            return
        }
        for tag in root["tags"]?.arrayValue ?? [] {
            if let name = tag["name"]?.stringValue, let description = tag["description"]?.stringValue {
                aggregateDescriptions[name] = description
            }
        }
        for (path, item) in root["paths"]?.objectValue ?? [:] {
            if path.hasPrefix("/commands/"), let operation = resolved(item["post"], in: root) {
                let schema = resolved(
                    resolved(operation["requestBody"], in: root)?["content"]?["application/json"]?["schema"],
                    in: root
                )
                commands[String(path.dropFirst("/commands/".count))] = Operation(
                    summary: operation["summary"]?.stringValue,
                    description: operation["description"]?.stringValue,
                    fields: Self.fields(ofBody: schema, in: root)
                )
            } else if path.hasPrefix("/queries/"), let operation = resolved(item["get"], in: root) {
                queries[String(path.dropFirst("/queries/".count))] = Operation(
                    summary: operation["summary"]?.stringValue,
                    description: operation["description"]?.stringValue,
                    fields: Self.fields(ofParameters: operation["parameters"], in: root)
                )
            }
        }
    }

    /// The fields of a body schema: the required ones in the order the spec declares them,
    /// then the others by name.
    private static func fields(ofBody schema: Value?, in root: Value) -> [ConsoleField] {
        let properties = schema?["properties"]?.objectValue ?? [:]
        let required = (schema?["required"]?.arrayValue ?? []).compactMap(\.stringValue)
        let optional = properties.keys.filter { !required.contains($0) }.sorted()
        return (required + optional).compactMap { name in
            guard let property = resolved(properties[name], in: root) else { return nil }
            return ConsoleField(name: name, schema: property, isRequired: required.contains(name))
        }
    }

    /// The fields of a query's parameters (those `in: query`).
    private static func fields(ofParameters parameters: Value?, in root: Value) -> [ConsoleField] {
        (parameters?.arrayValue ?? []).compactMap { parameter in
            guard let parameter = resolved(parameter, in: root), parameter["in"]?.stringValue == "query",
                let name = parameter["name"]?.stringValue
            else { return nil }
            var schema = resolved(parameter["schema"], in: root) ?? .object([:])
            if schema["description"] == nil, let description = parameter["description"],
                case .object(var members) = schema
            {
                members["description"] = description
                schema = .object(members)
            }
            return ConsoleField(name: name, schema: schema, isRequired: parameter["required"]?.boolValue ?? false)
        }
    }
}

/// A value with its `$ref` (`#/components/…`) followed, a few levels deep at most.
private func resolved(_ value: Value?, in root: Value) -> Value? {
    var value = value
    for _ in 0..<8 {
        guard let reference = value?["$ref"]?.stringValue else { return value }
        guard reference.hasPrefix("#/") else { return nil }
        value = reference.dropFirst(2).split(separator: "/").reduce(Optional(root)) { node, token in
            let name = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            return node?[name]
        }
    }
    return nil
}
