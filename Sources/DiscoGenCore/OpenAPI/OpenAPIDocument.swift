/// An OpenAPI 3.1 document, with the parts the generator writes: built from checked specs by
/// ``OpenAPITranslator``, turned into JSON by ``json``, written by ``JSONWriter``.
public struct OpenAPIDocument: Sendable, Hashable {
    /// `info.title`.
    public var title: String
    /// `info.version`.
    public var version: String
    /// `info.description`.
    public var description: String
    /// `paths`: each path with its operations.
    public var paths: [String: PathItem]
    /// `components`.
    public var components: Components
    /// `tags`: one per aggregate, in the order of the specs.
    public var tags: [Tag]

    /// A tag of operations: an aggregate.
    public struct Tag: Sendable, Hashable {
        /// The aggregate's name.
        public var name: String
        /// Its description.
        public var description: String?
    }

    /// The operations of one path.
    public struct PathItem: Sendable, Hashable {
        /// `get`.
        public var get: Operation?
        /// `post`.
        public var post: Operation?
    }

    /// One operation.
    public struct Operation: Sendable, Hashable {
        /// `operationId`: unique in the document.
        public var operationID: String
        /// `summary`.
        public var summary: String
        /// `description`.
        public var description: String?
        /// `tags`: the aggregate.
        public var tags: [String]
        /// `parameters`: headers, query and path parameters.
        public var parameters: [Referenced<Parameter>]
        /// `requestBody`.
        public var requestBody: RequestBody?
        /// `responses`, by status code.
        public var responses: [String: Referenced<Response>]
    }

    /// A parameter of an operation.
    public struct Parameter: Sendable, Hashable {
        /// Where the parameter is.
        public enum Location: String, Sendable, Hashable {
            /// In the query string.
            case query
            /// In the path.
            case path
            /// A request header.
            case header
        }

        /// `name`.
        public var name: String
        /// `in`.
        public var location: Location
        /// `required`.
        public var isRequired: Bool
        /// `description`.
        public var description: String?
        /// `schema`.
        public var schema: JSONSchema
        /// `style` and `explode` for a list in the query string (`form`, exploded: `?tag=a&tag=b`).
        public var isExplodedList: Bool = false
    }

    /// The body of a request.
    public struct RequestBody: Sendable, Hashable {
        /// `description`.
        public var description: String
        /// `required`.
        public var isRequired: Bool
        /// `content`, by media type.
        public var content: [String: JSONSchema]
    }

    /// A response.
    public struct Response: Sendable, Hashable {
        /// `description`.
        public var description: String
        /// `headers`, by name.
        public var headers: [String: Referenced<Header>]
        /// `content`, by media type.
        public var content: [String: JSONSchema]
    }

    /// A response header.
    public struct Header: Sendable, Hashable {
        /// `description`.
        public var description: String
        /// `schema`.
        public var schema: JSONSchema
    }

    /// `components`: what operations refer to.
    public struct Components: Sendable, Hashable {
        /// `schemas`: each aggregate's state, the problem details, the accepted body.
        public var schemas: [String: JSONSchema]
        /// `parameters`: the request headers shared by every command.
        public var parameters: [String: Parameter]
        /// `headers`: the response headers shared by every response.
        public var headers: [String: Header]
        /// `responses`: the error responses shared by every operation.
        public var responses: [String: Response]
    }

    /// A value, or a reference to a component of the same kind.
    public enum Referenced<Value: Sendable & Hashable>: Sendable, Hashable {
        /// The value itself.
        case value(Value)
        /// `$ref` to `#/components/<kind>/<name>`.
        case ref(String)
    }
}
