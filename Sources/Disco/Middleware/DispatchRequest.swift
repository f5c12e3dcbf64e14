/// A command on its way through the middleware: its name, params and ids.
public struct DispatchRequest: Sendable {
    /// The command's name: `deposit`.
    public var command: String
    /// The command's params, not yet validated.
    public var params: Params
    /// The command's ids and metadata; a middleware may add to the metadata.
    public var metadata: CommandMetadata
    /// Whether it was dispatched with `async: true`.
    public let isAsync: Bool

    /// A request for one dispatch.
    public init(command: String, params: Params, metadata: CommandMetadata, isAsync: Bool) {
        self.command = command
        self.params = params
        self.metadata = metadata
        self.isAsync = isAsync
    }
}
