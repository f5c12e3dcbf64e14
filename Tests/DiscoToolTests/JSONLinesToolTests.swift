import Disco
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `disco` on JSON-lines stores, run as a built executable.
@Suite("disco on JSON-lines stores")
struct JSONLinesToolTests {
    static let eventsGolden = """
        1  2026-01-01T00:00:01.000Z  Wallet/00000000-0000-0000-0000-00000000000a  v1  wallet_created  {"balance":100.0}
        2  2026-01-01T00:00:02.000Z  Wallet/00000000-0000-0000-0000-00000000000a  v2  money_deposited  {"amount":5.5}
        3  2026-01-01T00:00:03.000Z  Wallet/00000000-0000-0000-0000-00000000000a  v3  money_withdrawn  {"amount":2.0}
        4  2026-01-01T00:00:04.000Z  Wallet/00000000-0000-0000-0000-00000000000b  v1  wallet_created  {"balance":50.0}

        """

    static let jsonGolden = """
        {"position":4,"stream":{"aggregate":"Wallet","id":"00000000-0000-0000-0000-00000000000b"},"version":1,"recorded_at":"2026-01-01T00:00:04.000Z","event_type":"wallet_created","schema_version":1,"event_id":"00000000-0000-0000-0000-000000000104","command_id":"00000000-0000-0000-0000-000000000203","correlation_id":"00000000-0000-0000-0000-000000000203","causation_id":null,"payload":{"balance":50.0},"metadata":{}}

        """

    static let streamsGolden = """
        STREAM\tVERSION\tEVENTS\tFIRST\tLAST
        Wallet/00000000-0000-0000-0000-00000000000a\t3\t3\t2026-01-01T00:00:01.000Z\t2026-01-01T00:00:03.000Z
        Wallet/00000000-0000-0000-0000-00000000000b\t1\t1\t2026-01-01T00:00:04.000Z\t2026-01-01T00:00:04.000Z

        """

    private func expectSuccess(_ result: DiscoProcess.Result, _ comment: String = "") {
        #expect(result.status == 0, "\(comment) stderr: \(result.standardError)")
    }

    @Test("info: counts, head, times, size, writer and consumers")
    func info() async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.jsonLinesStore(in: folder.url)
        let checkpoints = store.appendingPathComponent("checkpoints")
        try FileManager.default.createDirectory(at: checkpoints, withIntermediateDirectories: true)
        try "3\n".write(
            to: checkpoints.appendingPathComponent("balances.checkpoint"),
            atomically: true,
            encoding: .utf8
        )
        let result = try DiscoProcess.run(["info", "--store", store.path])
        expectSuccess(result)
        let text = result.standardOutput.replacingOccurrences(of: store.path, with: "<store>")
            .replacingOccurrences(
                of: #"size on disk:\s+[^\n]+"#,
                with: "size on disk:   <size>",
                options: .regularExpression
            )
        #expect(
            text == """
                store:          <store> (JSON lines, format 1)
                events:         4
                streams:        2
                head position:  4
                first recorded: 2026-01-01T00:00:01.000Z
                last recorded:  2026-01-01T00:00:04.000Z
                size on disk:   <size>
                writer:         none
                consumers:      balances at 3, 1 behind

                """
        )
        #expect(result.standardError.isEmpty)
    }

    @Test("info names the writer of a store held open, and reads it without its lock")
    func infoWithWriter() async throws {
        let folder = try TemporaryFolder()
        let directory = try await Fixtures.jsonLinesStore(in: folder.url)
        let writer = try await JSONLinesEventStore.open(directory: directory, durability: .none)
        let result = try DiscoProcess.run(["info", "--store", directory.path])
        await writer.close()
        expectSuccess(result)
        #expect(result.standardOutput.contains("writer:         process \(getpid()) holds the store"))
    }

    @Test("streams, with --aggregate and --limit")
    func streams() async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.jsonLinesStore(in: folder.url)
        let all = try DiscoProcess.run(["streams", "--store", store.path])
        expectSuccess(all)
        #expect(all.standardOutput == Self.streamsGolden)
        let limited = try DiscoProcess.run(["streams", "--limit", "1"], environment: ["DISCO_STORE": store.path])
        #expect(limited.standardOutput.split(separator: "\n").count == 2)
        let none = try DiscoProcess.run(["streams", "--store", store.path, "--aggregate", "Order"])
        #expect(none.status == 1)
        #expect(none.standardError == "disco: no stream of aggregate Order in \(store.path)\n")
    }

    @Test("events: readable lines, --json, and every filter")
    func events() async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.jsonLinesStore(in: folder.url)
        let all = try DiscoProcess.run(["events", "--store", store.path])
        expectSuccess(all)
        #expect(all.standardOutput == Self.eventsGolden)
        #expect(all.standardError.isEmpty)
        let json = try DiscoProcess.run(["events", "--store", store.path, "--json", "--after", "3"])
        #expect(json.standardOutput == Self.jsonGolden)
        let lines = Self.eventsGolden.split(separator: "\n").map { $0 + "\n" }
        let filters: [([String], [Int])] = [
            (["--stream", "Wallet/00000000-0000-0000-0000-00000000000a"], [0, 1, 2]),
            (["--stream", "Wallet-00000000-0000-0000-0000-00000000000b"], [3]),
            (["--type", "wallet_created"], [0, 3]),
            (["--type", "money_deposited,money_withdrawn", "--limit", "1"], [1]),
            (["--since", "2026-01-01T00:00:03Z"], [2, 3]),
            (["--since", "2026-01-02"], []),
            (["--since", "1d"], []),
            (["--after", "1", "--limit", "2"], [1, 2]),
        ]
        for (arguments, expected) in filters {
            let result = try DiscoProcess.run(["events", "--store", store.path] + arguments)
            expectSuccess(result, "\(arguments)")
            #expect(result.standardOutput == expected.map { lines[$0] }.joined(), "\(arguments)")
        }
    }

    @Test("tail prints the last events")
    func tail() async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.jsonLinesStore(in: folder.url)
        let result = try DiscoProcess.run(["tail", "--store", store.path, "-n", "2"])
        expectSuccess(result)
        let lines = Self.eventsGolden.split(separator: "\n").map { $0 + "\n" }
        #expect(result.standardOutput == lines[2] + lines[3])
    }

    @Test("tail --follow prints new events as another process records them; Ctrl-C exits 0")
    func tailFollow() async throws {
        let folder = try TemporaryFolder()
        let directory = try await Fixtures.jsonLinesStore(in: folder.url)
        let (process, output, error) = try DiscoProcess.start([
            "tail", "--follow", "--store", directory.path, "-n", "1",
        ])
        let lines = LineCollector(output)
        try await lines.wait(count: 1)
        let writer = try await JSONLinesEventStore.open(directory: directory, durability: .none)
        let command = UUID()
        _ = try await writer.append(
            [
                ProposedEvent(
                    eventType: "money_deposited",
                    commandID: command,
                    correlationID: command,
                    payload: ["amount": 7]
                )
            ],
            to: Fixtures.walletB,
            expectedVersion: .exactly(1)
        )
        try await lines.wait(count: 2)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        await writer.close()
        let stderr = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "stderr: \(stderr)")
        #expect(stderr.isEmpty)
        let text = lines.text
        #expect(text.hasPrefix(Self.eventsGolden.split(separator: "\n")[3] + "\n"))
        #expect(text.contains("  Wallet/00000000-0000-0000-0000-00000000000b  v2  money_deposited  {\"amount\":7}\n"))
    }

    @Test("verify: sound, a torn tail, a damaged line with its line number and byte offset")
    func verify() async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.jsonLinesStore(in: folder.url)
        let sound = try DiscoProcess.run(["verify", "--store", store.path])
        expectSuccess(sound)
        #expect(sound.standardOutput == "4 events in 2 streams, 4 lines, \(Self.size(of: store)) bytes: sound\n")

        let file = store.appendingPathComponent(JSONLinesEventStore.eventsFileName)
        let original = try Data(contentsOf: file)
        try (original + Data(#"{"format":1,"posit"#.utf8)).write(to: file)
        let torn = try DiscoProcess.run(["verify", "--store", store.path])
        #expect(torn.status == 1)
        #expect(
            torn.standardOutput.contains("torn tail from line 5 (byte \(original.count)): a partial line, 18 bytes")
        )
        #expect(torn.standardOutput.contains("`disco repair --store \(store.path)` cuts it"))

        var damaged = original
        let secondLine = try #require(damaged.firstIndex(of: 0x0A)) + 1
        damaged[secondLine + 1] = UInt8(ascii: "X")
        try damaged.write(to: file)
        let bad = try DiscoProcess.run(["verify", "--store", store.path])
        #expect(bad.status == 1)
        #expect(bad.standardOutput.hasPrefix("damaged: \(file.path) line 2"), "\(bad.standardOutput)")
        #expect(bad.standardOutput.contains("byte \(secondLine + 1)"), "\(bad.standardOutput)")
        #expect(bad.standardError.isEmpty)
    }

    @Test("repair: refuses without a terminal or --yes, cuts with --yes and says where the bytes are")
    func repair() async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.jsonLinesStore(in: folder.url)
        let clean = try DiscoProcess.run(["repair", "--store", store.path, "--yes"])
        expectSuccess(clean)
        #expect(clean.standardOutput.contains("nothing to repair"))

        let file = store.appendingPathComponent(JSONLinesEventStore.eventsFileName)
        let original = try Data(contentsOf: file)
        try (original + Data(#"{"format":1,"posit"#.utf8)).write(to: file)
        let refused = try DiscoProcess.run(["repair", "--store", store.path])
        #expect(refused.status == 1)
        #expect(refused.standardError == "disco: not cutting without confirmation: run again with --yes\n")
        #expect(try Data(contentsOf: file).count == original.count + 18)

        let cut = try DiscoProcess.run(["repair", "--store", store.path, "--yes"])
        expectSuccess(cut)
        let saved = try #require(
            try FileManager.default.contentsOfDirectory(atPath: store.path).first { $0.hasPrefix("torn-tail-") }
        )
        #expect(
            cut.standardOutput.contains(
                "cut 18 bytes from line 5 (byte \(original.count)); the cut bytes are kept in \(store.appendingPathComponent(saved).path)"
            )
        )
        #expect(try Data(contentsOf: file) == original)
        #expect(try Data(contentsOf: store.appendingPathComponent(saved)) == Data(#"{"format":1,"posit"#.utf8))
    }

    @Test("repair never touches damage in the middle, nor a store a writer holds")
    func repairRefuses() async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.jsonLinesStore(in: folder.url)
        let writer = try await JSONLinesEventStore.open(directory: store, durability: .none)
        let file = store.appendingPathComponent(JSONLinesEventStore.eventsFileName)
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"format\":1".utf8))
        try handle.close()
        let held = try DiscoProcess.run(["repair", "--store", store.path, "--yes"])
        await writer.close()
        #expect(held.status == 1)
        #expect(held.standardError.contains("process \(getpid()) holds \(store.path) for writing"))

        var damaged = try Data(contentsOf: file)
        damaged[1] = UInt8(ascii: "X")
        try damaged.write(to: file)
        let middle = try DiscoProcess.run(["repair", "--store", store.path, "--yes"])
        #expect(middle.status == 1)
        #expect(middle.standardError.contains("repair only cuts a torn tail at the end of the file"))
        #expect(try Data(contentsOf: file) == damaged)
    }

    @Test("copy to a new folder, and again to resume: the same events")
    func copy() async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.jsonLinesStore(in: folder.url)
        let destination = folder.url.appendingPathComponent("copy")
        let first = try DiscoProcess.run(["copy", "--store", store.path, "--to", destination.path])
        expectSuccess(first)
        #expect(first.standardOutput == "copied 4 events (0 already there) to \(destination.path)\n")
        let again = try DiscoProcess.run(["copy", "--store", store.path, "--to", destination.path])
        #expect(again.standardOutput == "copied 0 events (4 already there) to \(destination.path)\n")
        let events = try DiscoProcess.run(["events", "--store", destination.path])
        #expect(events.standardOutput == Self.eventsGolden)
        let other = try await Fixtures.largeStore(in: folder.url, count: 10)
        let wrong = try DiscoProcess.run(["copy", "--store", other.path, "--to", destination.path])
        #expect(wrong.status == 1)
        #expect(wrong.standardError.contains("is not the source's"))
    }

    @Test("migrate and repair say which stores they apply to")
    func storeKinds() async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.jsonLinesStore(in: folder.url)
        let migrate = try DiscoProcess.run(["migrate", "--store", store.path])
        #expect(migrate.status == 1)
        #expect(migrate.standardError.hasPrefix("disco: migrate applies to PostgreSQL stores"))
        let sql = try DiscoProcess.run(["sql", "--schema", "app"])
        expectSuccess(sql)
        #expect(sql.standardOutput.contains("CREATE TABLE app.disco_events"))
    }

    @Test("errors: one line saying what is wrong and what to do; exit 1, or 2 for usage")
    func errors() async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.jsonLinesStore(in: folder.url)
        let missing = folder.url.appendingPathComponent("missing").path
        let cases: [([String], Int32, String)] = [
            (
                ["info", "--store", missing], 1,
                "disco: \(missing) does not exist: give the folder of a JSON-lines store (it holds events.jsonl) or a postgres:// URL\n"
            ),
            (
                ["events", "--store", folder.url.path], 1,
                "disco: \(folder.url.path) is not an event store: it has no events.jsonl: give the folder of a JSON-lines store, or a postgres:// URL\n"
            ),
            (
                ["events", "--store", store.path, "--stream", "Wallet/00000000-0000-0000-0000-0000000000ff"], 1,
                "disco: no stream Wallet/00000000-0000-0000-0000-0000000000ff in \(store.path): `disco streams` lists the streams\n"
            ),
            (
                ["events", "--store", store.path, "--since", "yesterday"], 2,
                "disco: --since 'yesterday' is not a time: write 2026-12-02, 2026-12-02T06:45:00Z, or how long ago as 30s, 15m, 2h or 7d\n"
            ),
            (
                ["events", "--store", store.path, "--stream", "wallet"], 2,
                "disco: 'wallet' is not a stream: write AGGREGATE/ID, as `disco streams` prints it\n"
            ),
            (
                ["info"], 2,
                "disco: no store named: give --store DIR or --store postgres://user:password@host:port/database, or set DISCO_STORE\n"
            ),
        ]
        for (arguments, status, message) in cases {
            let result = try DiscoProcess.run(arguments, timeout: .seconds(30))
            #expect(result.status == status, "\(arguments): \(result.standardError)")
            #expect(result.standardError == message, "\(arguments)")
            #expect(result.standardOutput.isEmpty, "\(arguments)")
        }
        let usage = try DiscoProcess.run(["events", "--store", store.path, "--limit", "many"])
        #expect(usage.status == 2)
        #expect(usage.standardError.hasPrefix("Error: The value 'many' is invalid for '--limit <limit>'"))
        let unknown = try DiscoProcess.run(["frobnicate"])
        #expect(unknown.status == 2)
    }

    @Test("events --json passes recorded lines on with the store's field names, even when a payload has envelope names")
    func jsonLinesKeepHostilePayloads() async throws {
        let folder = try TemporaryFolder()
        let wallet = StreamID(aggregate: "Wallet", id: Fixtures.id(0xAB))
        let hostile: Params = ["zeta": 1, "command_event_index": 7, "correlation_id": "not the envelope's"]
        var pair = [
            Fixtures.event(1, wallet, 1, "wallet_created", command: 0x500, hostile),
            Fixtures.event(2, wallet, 2, "money_deposited", command: 0x501, ["amount": 1.5]),
            Fixtures.event(3, wallet, 3, "money_deposited", command: 0x501, ["amount": 2.5]),
        ]
        for index in pair.indices { pair[index].eventID = Fixtures.id(0x600 + index) }
        let directory = folder.url.appendingPathComponent("store")
        let store = try await JSONLinesEventStore.open(directory: directory, durability: .none)
        try await store.importEvents(pair)
        await store.close()
        let recorded = try String(contentsOf: directory.appendingPathComponent("events.jsonl"), encoding: .utf8)
        #expect(recorded.contains("\"command_event_count\":2"), "the two-event command is marked in the file")

        let result = try DiscoProcess.run(["events", "--store", directory.path, "--json"])
        expectSuccess(result)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        let envelope: Set<String> = [
            "position", "stream", "version", "recorded_at", "event_type", "schema_version", "event_id", "command_id",
            "correlation_id", "causation_id", "payload", "metadata",
        ]
        for (index, line) in lines.enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == envelope, "line \(index + 1): \(line)")
            #expect(object["position"] as? Int == index + 1)
        }
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let payload = try #require(first["payload"] as? [String: Any])
        #expect(payload["command_event_index"] as? Int == 7)
        #expect(payload["correlation_id"] as? String == "not the envelope's")
        #expect(first["correlation_id"] as? String != "not the envelope's")
    }

    @Test("progress: shown on stderr with rate and time left when asked (as on a terminal), never when piped")
    func progress() async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.largeStore(in: folder.url, count: 20_000)
        let piped = try DiscoProcess.run(["events", "--store", store.path, "--json"])
        expectSuccess(piped)
        #expect(piped.standardError.isEmpty)
        #expect(piped.standardOutput.split(separator: "\n").count == 20_000)
        let shown = try DiscoProcess.run(["events", "--store", store.path], environment: ["DISCO_PROGRESS": "1"])
        expectSuccess(shown)
        #expect(shown.standardError.contains("of 20,000 events"), "\(shown.standardError.suffix(300))")
        #expect(shown.standardError.contains("100%"))
        #expect(shown.standardError.hasSuffix("\r\u{1B}[K"), "the bar's line is cleared at the end")
        let copy = try DiscoProcess.run(
            ["copy", "--store", store.path, "--to", folder.url.appendingPathComponent("copy").path],
            environment: ["DISCO_PROGRESS": "1"]
        )
        expectSuccess(copy)
        #expect(copy.standardError.contains("copying ["))
        let off = try DiscoProcess.run(["verify", "--store", store.path], environment: ["DISCO_PROGRESS": "0"])
        expectSuccess(off)
        #expect(off.standardError.isEmpty)
        let small = try await Fixtures.jsonLinesStore(in: folder.url)
        let few = try DiscoProcess.run(["events", "--store", small.path], environment: ["DISCO_PROGRESS": "1"])
        #expect(few.standardError.isEmpty, "no bar for a few events")
    }

    @Test("a closed pipe ends the output quietly")
    func closedPipe() async throws {
        let folder = try TemporaryFolder()
        let store = try await Fixtures.largeStore(in: folder.url, count: 20_000)
        let (process, output, error) = try DiscoProcess.start(["events", "--store", store.path])
        _ = output.fileHandleForReading.readData(ofLength: 100)
        try output.fileHandleForReading.close()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(error.fileHandleForReading.readDataToEndOfFile().isEmpty)
    }

    /// The size of a store's events file, with thousands separated: `1,883`.
    private static func size(of store: URL) -> String {
        let size = (try? Data(contentsOf: store.appendingPathComponent(JSONLinesEventStore.eventsFileName)).count) ?? 0
        let digits = Array(String(size))
        return String(
            digits.enumerated().flatMap { index, digit in
                index > 0 && (digits.count - index) % 3 == 0 ? [",", digit] : [digit]
            }
        )
    }
}

/// Collects a pipe's lines as they arrive.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    init(_ pipe: Pipe) {
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            guard let self else { return }
            self.lock.lock()
            self.data.append(chunk)
            self.lock.unlock()
            if chunk.isEmpty { handle.readabilityHandler = nil }
        }
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    /// Waits until `count` lines arrived (at most 20 s).
    func wait(count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while text.filter({ $0 == "\n" }).count < count {
            guard ContinuousClock.now < deadline else {
                Issue.record("only \(text.filter { $0 == "\n" }.count) of \(count) lines arrived: \(text)")
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// A folder under the system's temporary folder, removed when the value goes away.
final class TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("disco-tool-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
