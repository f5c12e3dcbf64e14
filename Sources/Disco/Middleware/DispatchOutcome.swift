import Foundation

/// How a dispatch ended, as middleware sees it afterwards.
public struct DispatchOutcome: Sendable {
    /// The aggregate's new state, or why the command was not recorded.
    public let result: Result<AggregateState, DispatchError>
    /// The aggregate the command was for; `nil` when it failed before its params were valid.
    public let aggregateID: UUID?
    /// The time from the first middleware's `before` to the end of recording.
    public let duration: Duration

    /// An outcome.
    public init(result: Result<AggregateState, DispatchError>, aggregateID: UUID?, duration: Duration) {
        self.result = result
        self.aggregateID = aggregateID
        self.duration = duration
    }

    /// A short name of the outcome, for logs and metric dimensions: `recorded`,
    /// `unknown_command`, `invalid_params`, `rejected`, `conflict`, `store_failure`, `refused`, `version_mismatch`.
    public var label: String {
        switch result {
        case .success: "recorded"
        case .failure(.unknownCommand): "unknown_command"
        case .failure(.invalidParams): "invalid_params"
        case .failure(.rejected): "rejected"
        case .failure(.conflict): "conflict"
        case .failure(.storeFailure): "store_failure"
        case .failure(.refused): "refused"
        case .failure(.versionMismatch): "version_mismatch"
        }
    }
}
