import Logging

/// Logs every dispatch once it is done, through swift-log: recorded commands at one level,
/// failures at another, with the command's name, ids, outcome and duration.
public struct LoggingMiddleware: DispatchMiddleware {
    private let logger: Logger
    private let recordedLevel: Logger.Level
    private let failedLevel: Logger.Level

    /// A middleware logging to `logger`.
    /// - Parameters:
    ///   - logger: Where to log.
    ///   - recordedLevel: The level of recorded commands; `debug` by default.
    ///   - failedLevel: The level of commands that were not recorded; `notice` by default.
    public init(
        logger: Logger = Logger(label: "disco.dispatch"),
        recordedLevel: Logger.Level = .debug,
        failedLevel: Logger.Level = .notice
    ) {
        self.logger = logger
        self.recordedLevel = recordedLevel
        self.failedLevel = failedLevel
    }

    public func after(_ request: DispatchRequest, outcome: DispatchOutcome) async {
        var metadata: Logger.Metadata = [
            "command": "\(request.command)",
            "command_id": "\(request.metadata.commandID)",
            "correlation_id": "\(request.metadata.correlationID)",
            "outcome": "\(outcome.label)",
            "duration": "\(outcome.duration)",
            "async": "\(request.isAsync)",
        ]
        if let causation = request.metadata.causationID { metadata["causation_id"] = "\(causation)" }
        if let id = outcome.aggregateID { metadata["aggregate_id"] = "\(id)" }
        switch outcome.result {
        case .success(let state):
            metadata["version"] = "\(state.version)"
            logger.log(level: recordedLevel, "command recorded", metadata: metadata)
        case .failure(let error):
            metadata["error"] = "\(error)"
            logger.log(level: failedLevel, "command not recorded", metadata: metadata)
        }
    }
}
