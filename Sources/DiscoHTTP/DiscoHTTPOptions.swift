/// How DiscoHTTP serves an orchestrator: the limits on what a request may send.
public struct DiscoHTTPOptions: Sendable {
    /// The largest request body read, in bytes; a larger one gets 413. 1 MiB by default.
    public var maxBodySize: Int
    /// The deepest nesting of arrays and objects a JSON body may have; a deeper one gets 400.
    /// 32 by default.
    public var maxJSONDepth: Int

    /// Options with the defaults above.
    public init(maxBodySize: Int = 1 << 20, maxJSONDepth: Int = 32) {
        self.maxBodySize = maxBodySize
        self.maxJSONDepth = maxJSONDepth
    }
}
