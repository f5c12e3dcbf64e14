import DiscoPostgres
import Testing

@Suite("PostgreSQL configuration")
struct PostgresConfigurationTests {
    @Test("a URL gives host, port, user, password, database and options")
    func parsesURL() throws {
        let configuration = try PostgresStoreConfiguration(
            url: "postgres://me:s%40cret@db.example:6543/app?sslmode=disable&schema=events&connect_timeout=3&pool_size=7"
        )
        #expect(configuration.host == "db.example")
        #expect(configuration.port == 6543)
        #expect(configuration.username == "me")
        #expect(configuration.password == "s@cret")
        #expect(configuration.database == "app")
        #expect(configuration.tls == .disable)
        #expect(configuration.schema == "events")
        #expect(configuration.connectTimeout == .seconds(3))
        #expect(configuration.maximumConnections == 7)
        #expect(!configuration.description.contains("cret"))
    }

    @Test("defaults: port 5432, schema public, TLS preferred")
    func defaults() throws {
        let configuration = try PostgresStoreConfiguration(url: "postgresql://me@localhost/app")
        #expect(configuration.port == 5432)
        #expect(configuration.schema == "public")
        #expect(configuration.tls == .prefer)
        #expect(configuration.password == nil)
    }

    @Test(
        "bad URLs are refused with a message, without the password",
        arguments: [
            "mysql://me:pw@host/db",
            "postgres://host/db",
            "postgres://me:pw@/db",
            "postgres://me:pw@host/db?sslmode=maybe",
            "postgres://me:pw@host/db?schema=Bad-Name",
            "postgres://me:pw@host/db?colour=blue",
            "postgres://me:pw@host:70000/db",
        ]
    )
    func refusesBadURLs(url: String) {
        #expect {
            _ = try PostgresStoreConfiguration(url: url)
        } throws: { error in
            guard let error = error as? PostgresStoreError else { return false }
            return error.kind == .invalidConfiguration && !error.message.contains(":pw@")
        }
    }

    @Test("the environment variable is read, and unset means no configuration")
    func environment() throws {
        #expect(try PostgresStoreConfiguration.fromEnvironment([:]) == nil)
        #expect(try PostgresStoreConfiguration.fromEnvironment(["DISCO_POSTGRES_URL": ""]) == nil)
        let configuration = try PostgresStoreConfiguration.fromEnvironment(
            ["DISCO_POSTGRES_URL": "postgres://a:b@127.0.0.1:1/c"])
        #expect(configuration?.port == 1)
    }

    @Test("opening without a configuration says what to set")
    func notConfigured() async {
        await #expect {
            _ = try await PostgresEventStore.openFromEnvironment([:])
        } throws: { error in
            (error as? PostgresStoreError)?.kind == .notConfigured
        }
    }

    @Test("a server that is down is reported at once, not waited for")
    func serverDown() async throws {
        // Port 1 on loopback: nothing listens there, the connection is refused.
        let configuration = try PostgresStoreConfiguration(
            url: "postgres://disco:pw@127.0.0.1:1/disco?sslmode=disable&connect_timeout=5")
        await #expect {
            _ = try await PostgresEventStore.open(configuration)
        } throws: { error in
            guard let error = error as? PostgresStoreError else { return false }
            return error.kind == .unreachable
                && error.message == "cannot connect to PostgreSQL at 127.0.0.1:1: connection refused"
        }
    }
}
