import Disco
import PostgresNIO

/// Turns postgres-nio's errors into the store's: ``PostgresStoreError`` while opening,
/// `EventStoreError` once open. Messages name the server and never the password.
enum PostgresErrors {
    /// The SQLSTATE of a server error, if the error is one.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// The server's message and SQLSTATE, or a description of a client-side failure.
    static func summary(_ error: any Error) -> String {
        guard let psql = error as? PSQLError else {
            return String(describing: error)
        }
        if let info = psql.serverInfo, let message = info[.message] {
            var text = message
            if let detail = info[.detail] { text += " (\(detail))" }
            if let state = info[.sqlState] { text += " [SQLSTATE \(state)]" }
            return text
        }
        if let underlying = psql.underlying {
            return "\(psql.code): \(underlying)"
        }
        return "\(psql.code)"
    }

    /// Why opening a store with `configuration` failed.
    static func openError(_ error: any Error, _ configuration: PostgresStoreConfiguration) -> PostgresStoreError {
        if let error = error as? PostgresStoreError { return error }
        let server = "PostgreSQL at \(configuration.host):\(configuration.port)"
        guard let psql = error as? PSQLError else {
            return cannotConnect(server, "\(error)")
        }
        switch psql.code {
        case .server:
            let state = psql.serverInfo?[.sqlState] ?? ""
            let message = summary(psql)
            switch state {
            case "28P01", "28000":
                return PostgresStoreError(
                    .authenticationFailed,
                    "\(server) refused to log in user \(configuration.username): \(message)"
                )
            case "3D000":
                return PostgresStoreError(
                    .databaseNotFound,
                    "\(server) has no database \(configuration.database ?? configuration.username): \(message)"
                )
            case "57P03", "53300":
                return PostgresStoreError(.unreachable, "\(server) does not accept connections now: \(message)")
            default:
                return PostgresStoreError(.server, "\(server) refused: \(message)")
            }
        case .authMechanismRequiresPassword:
            return PostgresStoreError(
                .authenticationFailed,
                "\(server) asks user \(configuration.username) for a password and the configuration gives none"
            )
        case .unsupportedAuthMechanism, .saslError:
            return PostgresStoreError(
                .authenticationFailed,
                "\(server) could not log in user \(configuration.username): \(summary(psql))"
            )
        case .sslUnsupported:
            return PostgresStoreError(
                .invalidConfiguration,
                "\(server) does not support TLS, and sslmode=require asks for it"
            )
        default:
            return cannotConnect(server, summary(psql))
        }
    }

    /// A connection that failed below PostgreSQL. NIO's connection errors list every address
    /// tried with the system's reason inside; the reason alone is what a person needs.
    private static func cannotConnect(_ server: String, _ text: String) -> PostgresStoreError {
        for reason in ["Connection refused", "No route to host", "Network is unreachable", "Connection timed out"]
        where text.contains(reason) {
            return PostgresStoreError(.unreachable, "cannot connect to \(server): \(reason.lowercased())")
        }
        return PostgresStoreError(.unreachable, "cannot connect to \(server): \(text)")
    }

    /// The store error for a failed operation of an open store.
    static func storeError(_ error: any Error, doing operation: String) -> EventStoreError {
        if let error = error as? EventStoreError { return error }
        if let psql = error as? PSQLError {
            switch psql.code {
            case .poolClosed, .clientClosedConnection:
                return EventStoreError(.closed, "the PostgreSQL event store is closed; cannot \(operation)")
            case .server:
                if psql.serverInfo?[.sqlState] == "23505" {
                    return EventStoreError(.wrongExpectedVersion, "cannot \(operation): \(summary(psql))")
                }
                return EventStoreError(.io, "PostgreSQL refused to \(operation): \(summary(psql))")
            default:
                return EventStoreError(.io, "cannot \(operation) in PostgreSQL: \(summary(psql))")
            }
        }
        let text = String(describing: error)
        if text.contains("poolShutdown") {
            return EventStoreError(.closed, "the PostgreSQL event store is closed; cannot \(operation)")
        }
        if text.contains("connectionCreationCircuitBreakerTripped") {
            return EventStoreError(
                .io, "cannot \(operation): PostgreSQL has not accepted a connection for a minute (server down?)")
        }
        if error is CancellationError {
            return EventStoreError(.io, "cancelled while trying to \(operation) in PostgreSQL")
        }
        return EventStoreError(.io, "cannot \(operation) in PostgreSQL: \(error)")
    }
}
