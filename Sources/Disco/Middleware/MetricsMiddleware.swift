import CoreMetrics

/// Counts dispatches and times them, through apple/swift-metrics.
///
/// - `<prefix>_commands_total` (counter), dimensions `command` and `outcome`
///   (see ``DispatchOutcome/label``).
/// - `<prefix>_command_duration` (timer, nanoseconds), dimensions `command` and `outcome`.
///
/// The metrics go to the backend the application bootstrapped with
/// `MetricsSystem.bootstrap(_:)`, or to the factory given.
public struct MetricsMiddleware: DispatchMiddleware {
    private let prefix: String
    private let factory: any MetricsFactory

    /// A middleware reporting metrics named `<prefix>_…`.
    /// - Parameters:
    ///   - prefix: The start of every metric's label; `disco` by default.
    ///   - factory: The metrics backend; the bootstrapped one by default.
    public init(prefix: String = "disco", factory: any MetricsFactory = MetricsSystem.factory) {
        self.prefix = prefix
        self.factory = factory
    }

    public func after(_ request: DispatchRequest, outcome: DispatchOutcome) async {
        let dimensions = [("command", request.command), ("outcome", outcome.label)]
        Counter(label: "\(prefix)_commands_total", dimensions: dimensions, factory: factory).increment()
        let (seconds, attoseconds) = outcome.duration.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        Timer(label: "\(prefix)_command_duration", dimensions: dimensions, factory: factory).recordNanoseconds(nanoseconds)
    }
}
