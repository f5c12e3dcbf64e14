import Disco
import Logging
import PostgresNIO
import Synchronization

/// Opens single connections and configures pools from a ``PostgresStoreConfiguration``,
/// with a time limit on every attempt so that a server that is down never hangs the caller.
enum PostgresConnector {
    /// The postgres-nio configuration of a single connection.
    static func connectionConfiguration(
        _ configuration: PostgresStoreConfiguration
    ) throws(PostgresStoreError) -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch configuration.tls {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw PostgresStoreError(.invalidConfiguration, "cannot set up TLS: \(error)")
        }
        var result = PostgresConnection.Configuration(
            host: configuration.host,
            port: configuration.port,
            username: configuration.username,
            password: configuration.password,
            database: configuration.database,
            tls: tls
        )
        result.options.connectTimeout = .nanoseconds(Int64(configuration.connectTimeout.inNanoseconds))
        return result
    }

    /// The postgres-nio configuration of the store's pool.
    static func clientConfiguration(_ configuration: PostgresStoreConfiguration) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch configuration.tls {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        var result = PostgresClient.Configuration(
            host: configuration.host,
            port: configuration.port,
            username: configuration.username,
            password: configuration.password,
            database: configuration.database,
            tls: tls
        )
        result.options.connectTimeout = configuration.connectTimeout
        result.options.maximumConnections = configuration.maximumConnections
        return result
    }

    /// A new connection, logged in; it fails with a clear error rather than wait longer than
    /// the configuration's connect timeout (plus a second for the login exchange).
    static func connect(
        _ configuration: PostgresStoreConfiguration,
        logger: Logger
    ) async throws(PostgresStoreError) -> PostgresConnection {
        let connectionConfiguration = try connectionConfiguration(configuration)
        let limit = configuration.connectTimeout + .seconds(1)
        do {
            return try await withThrowingTaskGroup(of: PostgresConnection?.self) { group in
                group.addTask {
                    try await PostgresConnection.connect(
                        configuration: connectionConfiguration,
                        id: nextConnectionID.add(1, ordering: .relaxed).newValue,
                        logger: logger
                    )
                }
                group.addTask {
                    try? await Task.sleep(for: limit)
                    return nil
                }
                let first: Result<PostgresConnection?, any Error>
                do {
                    first = .success(try await group.next() ?? nil)
                } catch {
                    first = .failure(error)
                }
                group.cancelAll()
                // A connection that completes after the time limit, or after the caller was
                // cancelled, is closed here: postgres-nio requires every connection be closed.
                while let late = try? await group.next() {
                    if let connection = late { try? await connection.close() }
                }
                guard let connection = try first.get() else {
                    if Task.isCancelled { throw CancellationError() }
                    throw PostgresStoreError(
                        .unreachable,
                        "PostgreSQL at \(configuration.host):\(configuration.port) did not answer within \(limit)"
                    )
                }
                return connection
            }
        } catch {
            throw PostgresErrors.openError(error, configuration)
        }
    }

    /// Ids for the connections this module opens itself, for postgres-nio's logs.
    static let nextConnectionID = Atomic<Int>(0)
}

extension Duration {
    /// The duration in whole nanoseconds, saturating.
    var inNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        return product.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }
}
