import Foundation

/// Where a ``PostgresEventStore`` keeps its events and how it connects.
///
/// Usually made from a URL, `postgres://user:password@host:5432/database`, or from the
/// environment variable `DISCO_POSTGRES_URL`:
///
/// ```swift
/// let configuration = try PostgresStoreConfiguration(url: "postgres://disco:secret@127.0.0.1:5432/app")
/// let store = try await PostgresEventStore.open(configuration)
/// ```
///
/// The URL's query may set `sslmode` (`disable`, `prefer`, the default, or `require`),
/// `schema` (the PostgreSQL schema holding the store's tables, `public` by default),
/// `connect_timeout` (seconds, 10 by default) and `pool_size` (20 by default).
public struct PostgresStoreConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is encrypted.
    public enum TLSMode: String, Sendable, Hashable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, plain TCP otherwise.
        case prefer
        /// TLS, or no connection.
        case require
    }

    /// The name of the environment variable read by ``fromEnvironment(_:)``.
    public static let environmentVariable = "DISCO_POSTGRES_URL"

    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The user to log in as.
    public var username: String
    /// The user's password, if the server asks for one.
    public var password: String?
    /// The database; the server's default for the user when `nil`.
    public var database: String?
    /// How the connection is encrypted.
    public var tls: TLSMode
    /// The PostgreSQL schema that holds the store's tables; created when missing.
    ///
    /// Lowercase letters, digits and `_`, starting with a letter or `_`, at most 40 characters,
    /// so that it needs no quoting and names a notification channel too.
    public var schema: String
    /// How long connecting and logging in may take before the attempt fails.
    public var connectTimeout: Duration
    /// The most connections the pool opens (the subscription listener uses one more).
    public var maximumConnections: Int
    /// How often an idle subscription reads the store when no notification woke it: the
    /// fallback for a lost `LISTEN` connection or a missed notification.
    public var pollInterval: Duration

    /// A configuration from its parts.
    public init(
        host: String = "127.0.0.1",
        port: Int = 5432,
        username: String,
        password: String? = nil,
        database: String? = nil,
        tls: TLSMode = .prefer,
        schema: String = "public",
        connectTimeout: Duration = .seconds(10),
        maximumConnections: Int = 20,
        pollInterval: Duration = .seconds(1)
    ) throws(PostgresStoreError) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
        self.schema = schema
        self.connectTimeout = connectTimeout
        self.maximumConnections = maximumConnections
        self.pollInterval = pollInterval
        try validate()
    }

    /// A configuration from a `postgres://` (or `postgresql://`) URL.
    ///
    /// - Throws: ``PostgresStoreError`` of kind `invalidConfiguration`, naming what is wrong.
    public init(url: String) throws(PostgresStoreError) {
        guard let components = URLComponents(string: url) else {
            throw PostgresStoreError(.invalidConfiguration, "not a valid URL: \(Self.redacted(url))")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw PostgresStoreError(
                .invalidConfiguration,
                "a PostgreSQL URL starts with postgres:// or postgresql://, not \(Self.redacted(url))"
            )
        }
        guard let host = components.host, !host.isEmpty else {
            throw PostgresStoreError(.invalidConfiguration, "the URL \(Self.redacted(url)) names no host")
        }
        guard let username = components.user, !username.isEmpty else {
            throw PostgresStoreError(.invalidConfiguration, "the URL \(Self.redacted(url)) names no user")
        }
        var database = components.path
        if database.hasPrefix("/") { database.removeFirst() }
        self.host = host
        self.port = components.port ?? 5432
        self.username = components.user.map { $0.removingPercentEncoding ?? $0 } ?? username
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.isEmpty ? nil : (database.removingPercentEncoding ?? database)
        self.tls = .prefer
        self.schema = "public"
        self.connectTimeout = .seconds(10)
        self.maximumConnections = 20
        self.pollInterval = .seconds(1)
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                switch value {
                case "disable", "allow": self.tls = .disable
                case "prefer": self.tls = .prefer
                case "require", "verify-ca", "verify-full": self.tls = .require
                default:
                    throw PostgresStoreError(
                        .invalidConfiguration, "sslmode must be disable, prefer or require, not \(value)")
                }
            case "schema":
                self.schema = value
            case "connect_timeout":
                guard let seconds = Int(value), seconds > 0 else {
                    throw PostgresStoreError(
                        .invalidConfiguration, "connect_timeout must be a positive number of seconds, not \(value)")
                }
                self.connectTimeout = .seconds(seconds)
            case "pool_size":
                guard let size = Int(value) else {
                    throw PostgresStoreError(.invalidConfiguration, "pool_size must be a number, not \(value)")
                }
                self.maximumConnections = size
            default:
                throw PostgresStoreError(
                    .invalidConfiguration,
                    "unknown URL parameter \(item.name); known: sslmode, schema, connect_timeout, pool_size"
                )
            }
        }
        try validate()
    }

    /// The configuration named by `DISCO_POSTGRES_URL`, or `nil` when it is not set or empty.
    ///
    /// - Parameter environment: The environment to read; the process's by default.
    /// - Throws: ``PostgresStoreError`` of kind `invalidConfiguration` when the URL is not valid.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PostgresStoreError) -> PostgresStoreConfiguration? {
        guard let url = environment[environmentVariable], !url.isEmpty else { return nil }
        return try PostgresStoreConfiguration(url: url)
    }

    /// The same configuration with the store's tables in another PostgreSQL schema.
    public func inSchema(_ schema: String) throws(PostgresStoreError) -> PostgresStoreConfiguration {
        var copy = self
        copy.schema = schema
        try copy.validate()
        return copy
    }

    /// The URL without the password: `postgres://disco@127.0.0.1:5432/app?schema=public`.
    public var description: String {
        "postgres://\(username)@\(host):\(port)/\(database ?? "")?schema=\(schema)"
    }

    private func validate() throws(PostgresStoreError) {
        guard (1...65535).contains(port) else {
            throw PostgresStoreError(.invalidConfiguration, "port \(port) is not between 1 and 65535")
        }
        guard Self.isValidSchemaName(schema) else {
            throw PostgresStoreError(
                .invalidConfiguration,
                "schema \"\(schema)\" must be lowercase letters, digits and _, start with a letter or _, and be at most 40 characters"
            )
        }
        guard maximumConnections >= 1 else {
            throw PostgresStoreError(.invalidConfiguration, "the pool needs at least one connection, not \(maximumConnections)")
        }
        guard connectTimeout > .zero, pollInterval > .zero else {
            throw PostgresStoreError(.invalidConfiguration, "the connect timeout and poll interval must be positive")
        }
    }

    static func isValidSchemaName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 40 else { return false }
        guard ("a"..."z").contains(first) || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// A URL with its password replaced by `***`, for messages.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? "(the URL)"
    }
}
