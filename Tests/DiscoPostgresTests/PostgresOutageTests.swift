import Disco
import DiscoPostgres
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A server that goes away while the store is open, and comes back: on a private cluster
/// (`.ci/postgres.sh` on another port), so that stopping it disturbs no other test.
@Suite(
    "A PostgreSQL server that goes away and comes back",
    .enabled(if: PostgresTestEnvironment.shouldRun, PostgresTestEnvironment.skipReason),
    .timeLimit(.minutes(3))
)
struct PostgresOutageTests {
    /// `.ci/postgres.sh` with the private cluster's port and folder.
    struct Cluster {
        let port = 54_339
        let folder = "/tmp/disco-postgres-outage-\(ProcessInfo.processInfo.processIdentifier)"

        /// Runs `.ci/postgres.sh command` to its end; its standard output.
        ///
        /// Spawned and waited for with `posix_spawn` and `waitpid`: Foundation's `Process`
        /// never saw this script exit once the server it started kept running.
        func run(_ command: String) throws -> String {
            let script = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".ci/postgres.sh")
            let output = folder + ".\(command).out"
            defer { unlink(output) }
            let line =
                "DISCO_PG_PORT=\(port) DISCO_PG_DIR=\(folder) bash '\(script.path)' \(command) >'\(output)' 2>/dev/null"
            var pid: pid_t = 0
            let texts: [String] = ["/bin/sh", "-c", line]
            var arguments: [UnsafeMutablePointer<CChar>?] = texts.map { text in text.withCString { strdup($0) } }
            arguments.append(nil)
            defer { arguments.forEach { free($0) } }
            let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, arguments, environ)
            guard spawned == 0 else { throw EventStoreError(.io, "cannot run .ci/postgres.sh: error \(spawned)") }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1, errno == EINTR {}
            guard status == 0 else {
                throw EventStoreError(.io, ".ci/postgres.sh \(command) failed with status \(status)")
            }
            return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        }
    }

    @Test(
        "calls fail with the store's error while the server is down, nothing is half recorded, and the store works again once it is back"
    )
    func outage() async throws {
        let cluster = Cluster()
        let started = try cluster.run("start")
        defer { _ = try? cluster.run("stop") }
        guard let quoted = started.split(separator: "'").dropFirst().first else {
            Issue.record("no URL in: \(started)")
            return
        }
        let url = String(quoted) + "&query_timeout=1&connect_timeout=1"
        let store = try await PostgresEventStore.open(url: url)
        let stream = StreamID(aggregate: "Wallet", id: UUID())
        let pair = { [PostgresTestEnvironment.event("first"), PostgresTestEnvironment.event("second")] }
        _ = try await store.append(pair(), to: stream, expectedVersion: .noStream)

        _ = try cluster.run("pause")
        let clock = ContinuousClock()
        var failures: [Duration] = []
        for _ in 0..<3 {
            let start = clock.now
            await #expect(throws: EventStoreError.self) {
                _ = try await store.append(pair(), to: stream, expectedVersion: .any)
            }
            failures.append(clock.now - start)
        }
        print("outage: calls failed after \(failures.map { "\($0)" }.joined(separator: ", ")) with query_timeout=1")

        _ = try cluster.run("resume")
        var recovered = false
        for _ in 0..<60 where !recovered {
            do {
                _ = try await store.append(pair(), to: stream, expectedVersion: .any)
                recovered = true
            } catch {
                try await Task.sleep(for: .milliseconds(250))
            }
        }
        #expect(recovered, "the store did not work again after the server came back")

        // Every append was two events in one call: the stream holds whole pairs only.
        let events = try await store.read(stream: stream)
        #expect(events.count.isMultiple(of: 2))
        #expect(events.count >= 4)
        for (index, event) in events.enumerated() {
            #expect(event.eventType == (index.isMultiple(of: 2) ? "first" : "second"))
            #expect(event.version == index + 1)
        }
        await store.close()
    }
}
