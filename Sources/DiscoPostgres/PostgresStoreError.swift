/// Why a PostgreSQL event store could not be configured or opened.
///
/// Once a store is open, its ``PostgresEventStore`` methods throw `Disco.EventStoreError`
/// like every other store; this type is for what happens before: a bad URL, a server that
/// is down, a wrong password, a database that does not exist, a schema newer than this
/// library.
public struct PostgresStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure; more may be added.
    public enum Kind: Sendable, Hashable {
        /// The URL or another setting is not valid.
        case invalidConfiguration
        /// No URL was given and `DISCO_POSTGRES_URL` is not set.
        case notConfigured
        /// The server could not be reached: refused, unknown host, or no answer in time.
        case unreachable
        /// The server refused the user name or password.
        case authenticationFailed
        /// The database named in the URL does not exist.
        case databaseNotFound
        /// Creating or upgrading the store's tables failed.
        case migrationFailed
        /// The store's tables were written by a newer version of DiscoPostgres.
        case schemaTooNew
        /// The server answered with another error.
        case server
    }

    /// What kind of failure it is.
    public let kind: Kind
    /// A message for the person reading the log; it never contains the password.
    public let message: String

    /// An error of a kind, with a message for the reader.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
