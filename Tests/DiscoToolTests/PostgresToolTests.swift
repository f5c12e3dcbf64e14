import Disco
import DiscoPostgres
import Foundation
import PostgresNIO
import Testing

/// `disco` on PostgreSQL stores: `DISCO_POSTGRES_URL`; skipped without it, except in CI
/// (`CI=true`), where they fail.
@Suite(
    "disco on PostgreSQL stores",
    .enabled(if: PostgresToolEnvironment.shouldRun, "DISCO_POSTGRES_URL is not set: skipping the PostgreSQL tool tests")
)
struct PostgresToolTests {
    static let environment = ProcessInfo.processInfo.environment

    /// The server's URL with a fresh schema, a store holding the fixture events, then the schema dropped.
    private func withStore(seeded: Bool = true, _ body: (String, PostgresEventStore) async throws -> Void) async throws
    {
        let base = try #require(
            Self.environment[PostgresStoreConfiguration.environmentVariable],
            "CI=true but DISCO_POSTGRES_URL is not set"
        )
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        let url = base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
        let store = try await PostgresEventStore.open(url: url)
        do {
            if seeded { try await store.importEvents(Fixtures.events) }
            try await body(url, store)
        } catch {
            _ = try? await store.client.query("DROP SCHEMA IF EXISTS \(unescaped: schema) CASCADE")
            await store.close()
            throw error
        }
        try await store.client.query("DROP SCHEMA IF EXISTS \(unescaped: schema) CASCADE")
        await store.close()
    }

    @Test("info, streams, events, tail and verify show what the JSON-lines store shows")
    func reading() async throws {
        try await withStore { url, store in
            try await store.saveCheckpoint(1, for: "balances")
            let info = try DiscoProcess.run(["info", "--store", url])
            #expect(info.status == 0, "\(info.standardError)")
            for line in [
                "events:         4", "streams:        2", "head position:  4",
                "first recorded: 2026-01-01T00:00:01.000Z", "last recorded:  2026-01-01T00:00:04.000Z",
                "consumers:      balances at 1, 3 behind",
            ] {
                #expect(info.standardOutput.contains(line + "\n"), "\(line) in \(info.standardOutput)")
            }
            #expect(!info.standardOutput.contains("disco-ci-password"), "the password is never printed")
            let streams = try DiscoProcess.run(["streams", "--store", url])
            #expect(streams.standardOutput == JSONLinesToolTests.streamsGolden)
            let events = try DiscoProcess.run(["events"], environment: ["DISCO_STORE": url])
            #expect(events.standardOutput == JSONLinesToolTests.eventsGolden)
            let json = try DiscoProcess.run(["events", "--store", url, "--json", "--after", "3"])
            #expect(json.standardOutput == JSONLinesToolTests.jsonGolden)
            let stream = try DiscoProcess.run(
                ["events", "--store", url, "--stream", "Wallet/00000000-0000-0000-0000-00000000000b"]
            )
            #expect(stream.standardOutput == JSONLinesToolTests.eventsGolden.split(separator: "\n")[3] + "\n")
            let unknown = try DiscoProcess.run(
                ["events", "--store", url, "--stream", "Wallet/00000000-0000-0000-0000-0000000000ff"]
            )
            #expect(unknown.status == 1)
            #expect(unknown.standardError.hasPrefix("disco: no stream Wallet/00000000-0000-0000-0000-0000000000ff"))
            let tail = try DiscoProcess.run(["tail", "--store", url, "-n", "1"])
            #expect(tail.standardOutput == JSONLinesToolTests.eventsGolden.split(separator: "\n")[3] + "\n")
            let verify = try DiscoProcess.run(["verify", "--store", url])
            #expect(verify.status == 0)
            #expect(verify.standardOutput == "4 events in 2 streams: sound\n")
        }
    }

    @Test("migrate, and copy from JSON lines into PostgreSQL and back, resumable, with progress")
    func migrateAndCopy() async throws {
        try await withStore(seeded: false) { url, store in
            let migrate = try DiscoProcess.run(["migrate", "--store", url])
            #expect(migrate.status == 0, "\(migrate.standardError)")
            #expect(migrate.standardOutput.hasSuffix(": tables up to date, 0 events\n"))
            let folder = try TemporaryFolder()
            let source = try await Fixtures.jsonLinesStore(in: folder.url)
            let copy = try DiscoProcess.run(["copy", "--store", source.path, "--to", url])
            #expect(copy.status == 0, "\(copy.standardError)")
            #expect(copy.standardOutput.hasPrefix("copied 4 events (0 already there) to "))
            #expect(!copy.standardOutput.contains("disco-ci-password"))
            let again = try DiscoProcess.run(["copy", "--store", source.path, "--to", url])
            #expect(again.standardOutput.hasPrefix("copied 0 events (4 already there) to "))
            let back = folder.url.appendingPathComponent("back")
            let copyBack = try DiscoProcess.run(["copy", "--store", url, "--to", back.path])
            #expect(copyBack.status == 0, "\(copyBack.standardError)")
            let events = try DiscoProcess.run(["events", "--store", back.path])
            #expect(events.standardOutput == JSONLinesToolTests.eventsGolden)

            let large = try await Fixtures.largeStore(in: folder.url, count: 20_000)
            try await store.client.query("TRUNCATE \(unescaped: "\(store.configuration.schema).disco_events")")
            let progress = try DiscoProcess.run(
                ["copy", "--store", large.path, "--to", url],
                environment: ["DISCO_PROGRESS": "1"]
            )
            #expect(progress.status == 0, "\(progress.standardError.suffix(300))")
            #expect(progress.standardError.contains("of 20,000 events"))
            #expect(try await store.headPosition() == 20_000)
        }
    }

    @Test("a wrong password or a refused connection: one line, exit 1, no hang")
    func connectionErrors() async throws {
        let base = try #require(Self.environment[PostgresStoreConfiguration.environmentVariable])
        var components = try #require(URLComponents(string: base))
        components.password = "not-the-password"
        let wrong = try DiscoProcess.run(["info", "--store", try #require(components.string)], timeout: .seconds(30))
        #expect(wrong.status == 1)
        #expect(wrong.standardError.hasPrefix("disco: "))
        #expect(wrong.standardError.hasSuffix("; check the user and password in the URL\n"), "\(wrong.standardError)")
        #expect(wrong.standardError.split(separator: "\n").count == 1)
        #expect(!wrong.standardError.contains("not-the-password"))
        components.password = nil
        components.port = 1
        let refused = try DiscoProcess.run(
            ["events", "--store", try #require(components.string)],
            timeout: .seconds(30)
        )
        #expect(refused.status == 1)
        #expect(
            refused.standardError.hasSuffix("; is the server running, and are the host and port in the URL right?\n")
        )
        #expect(refused.standardError.split(separator: "\n").count == 1)
    }
}

/// Whether the PostgreSQL tool tests run: with a server, and always in CI.
enum PostgresToolEnvironment {
    static var shouldRun: Bool {
        let environment = ProcessInfo.processInfo.environment
        return !(environment[PostgresStoreConfiguration.environmentVariable] ?? "").isEmpty
            || environment["CI"] == "true"
    }
}
