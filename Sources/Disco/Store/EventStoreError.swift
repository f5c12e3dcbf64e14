/// Why an event store refused or failed an operation.
public struct EventStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure; more may be added.
    public enum Kind: Sendable, Hashable {
        /// The stream was not at the expected version: someone else appended first.
        case wrongExpectedVersion
        /// The store's files are damaged in a way it will not repair by itself.
        case corrupted
        /// Another process holds the store for writing.
        case locked
        /// The store has been closed.
        case closed
        /// Reading or writing the underlying storage failed.
        case io
        /// An event was recorded by a newer build of its spec: its schema version is above
        /// the newest this build knows. Deploy the newer code; the store is unchanged.
        case newerSchemaVersion
        /// An event was recorded at a schema version its spec retired (`disco-gen retire`):
        /// copy the store with a build that still reads it; the store is unchanged.
        case retiredSchemaVersion
    }

    /// What kind of failure it is.
    public let kind: Kind
    /// A message written for the person reading the log.
    public let message: String

    /// An error of a kind, with a message for the reader.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A conflict on a stream.
    public static func wrongExpectedVersion(
        stream: StreamID,
        expected: ExpectedVersion,
        actual: Int
    ) -> EventStoreError {
        EventStoreError(
            .wrongExpectedVersion,
            "stream \(stream) is at version \(actual), expected \(expected)"
        )
    }

    public var description: String { message }
}
