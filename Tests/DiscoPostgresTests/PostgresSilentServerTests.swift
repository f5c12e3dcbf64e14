import DiscoPostgres
import PostgresNIO
import Testing

@Suite("A server that accepts and never answers")
struct PostgresSilentServerTests {
    @Test("opening gives up after the connect timeout with a clear error, instead of hanging")
    func silentServer() async throws {
        // A loopback listener that accepts connections and never says anything.
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0)
            .get()
        let port = try #require(channel.localAddress?.port)
        let configuration = try PostgresStoreConfiguration(
            url: "postgres://disco:pw@127.0.0.1:\(port)/disco?sslmode=disable&connect_timeout=1")
        await #expect {
            _ = try await PostgresEventStore.open(configuration)
        } throws: { error in
            guard let error = error as? PostgresStoreError else { return false }
            return error.kind == .unreachable && error.message.contains("127.0.0.1:\(port)")
        }
        try await channel.close()
    }
}
