import Disco

/// The application's entry point: an orchestrator over the aggregates generated from `Specs/`.
public enum WalletApp {
    /// Starts an orchestrator with every aggregate of the app.
    /// - Parameter store: Where events are kept.
    public static func start(store: any EventStore) async throws -> Orchestrator {
        try await Orchestrator.start([Wallet.self], store: store)
    }
}
