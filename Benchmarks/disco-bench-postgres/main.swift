// disco-bench-postgres: the PostgreSQL store's figures beside the JSON-lines store's, in one
// run on one machine. Needs DISCO_POSTGRES_URL (`eval "$(.ci/postgres.sh start)"`).
//
//   swift run -c release disco-bench-postgres [--commands N] [--callers-commands N] [--events N]
//
// Prints one JSON object per measurement: durable dispatch with 1 caller and with 64 callers
// over 1,000 wallets, and replaying a store of --events events into an orchestrator, each for
// PostgreSQL, for the JSON-lines store (fsync) and, as the baseline of the database, a plain
// loop of one-row INSERT transactions through the same driver.

import Disco
import DiscoExamples
import DiscoPostgres
import Foundation
import PostgresNIO

var commands = 300
var callerCommands = 50
var eventCount = 100_000
var iterator = CommandLine.arguments.dropFirst().makeIterator()
while let argument = iterator.next() {
    switch argument {
    case "--commands": commands = iterator.next().flatMap(Int.init) ?? commands
    case "--callers-commands": callerCommands = iterator.next().flatMap(Int.init) ?? callerCommands
    case "--events": eventCount = iterator.next().flatMap(Int.init) ?? eventCount
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

func emit(_ name: String, _ fields: Params) {
    var object: Params = ["measurement": .string(name)]
    for (key, value) in fields { object[key] = value }
    let text = (try? JSON.encode(object)).map { String(decoding: $0, as: UTF8.self) } ?? #"{"error":"unencodable"}"#
    print(text)
}

func seconds<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let result = try await body()
    let elapsed = ContinuousClock.now - start
    return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

func rounded(_ value: Double, _ digits: Int = 2) -> Value {
    let scale = pow(10, Double(digits))
    return .double((value * scale).rounded() / scale)
}

guard let base = try PostgresStoreConfiguration.fromEnvironment() else {
    FileHandle.standardError.write(Data("set DISCO_POSTGRES_URL (eval \"$(.ci/postgres.sh start)\")\n".utf8))
    exit(2)
}
let schema = "bench_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("disco-bench-postgres-\(UUID().uuidString)")
var schemas: [String] = []

/// A PostgreSQL store in a schema of its own for one measurement.
@MainActor
func postgresStore(_ name: String) async throws -> PostgresEventStore {
    let configuration = try base.inSchema("\(schema)_\(name)")
    let store = try await PostgresEventStore.open(configuration)
    schemas.append(configuration.schema)
    return store
}

/// Deposits through an orchestrator from one caller; commands per second.
func oneCaller(_ store: some EventStore, commands: Int) async throws -> Double {
    let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
    let wallet = try await orchestrator.dispatch("create_wallet", ["user_id": .string(UUID().uuidString), "balance": 100.0])
    let id = Value.string(wallet.id.uuidString)
    let (_, elapsed) = try await seconds {
        for _ in 0..<commands {
            try await orchestrator.dispatch("deposit", ["id": id, "amount": 1.5])
        }
    }
    return Double(commands) / elapsed
}

/// Deposits from 64 callers over 1,000 wallets; commands per second.
func manyCallers(_ store: some EventStore, callerCommands: Int) async throws -> Double {
    let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
    let wallets = try await withThrowingTaskGroup(of: [UUID].self) { group in
        for caller in 0..<64 {
            group.addTask {
                var ids: [UUID] = []
                for _ in stride(from: caller, to: 1000, by: 64) {
                    ids.append(try await orchestrator.dispatch("create_wallet", ["user_id": .string(UUID().uuidString), "balance": 10.0]).id)
                }
                return ids
            }
        }
        return try await group.reduce(into: [UUID]()) { $0 += $1 }
    }
    let (_, elapsed) = try await seconds {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    var generator = SystemRandomNumberGenerator()
                    for _ in 0..<callerCommands {
                        let id = wallets[Int(generator.next() % UInt64(wallets.count))]
                        try await orchestrator.dispatch("deposit", ["id": .string(id.uuidString), "amount": 2.0])
                    }
                }
            }
            try await group.waitForAll()
        }
    }
    return Double(64 * callerCommands) / elapsed
}

/// One-row INSERT transactions in a loop through postgres-nio: what one durable commit costs.
func plainInsertLoop(_ store: PostgresEventStore, callers: Int, count: Int) async throws -> Double {
    let table = "\(store.configuration.schema).plain_loop"
    try await store.client.query("CREATE TABLE \(unescaped: table) (id bigserial PRIMARY KEY, body text NOT NULL)")
    let body = String(repeating: "x", count: 300)
    let (_, elapsed) = try await seconds {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<callers {
                group.addTask {
                    for _ in 0..<count {
                        try await store.client.query("INSERT INTO \(unescaped: table) (body) VALUES (\(body))")
                    }
                }
            }
            try await group.waitForAll()
        }
    }
    return Double(callers * count) / elapsed
}

do {
    // Durable dispatch, one caller.
    let pgOne = try await postgresStore("one")
    let pgRate = try await oneCaller(pgOne, commands: commands)
    let plainOne = try await plainInsertLoop(pgOne, callers: 1, count: commands)
    let jsonOne = try await JSONLinesEventStore.open(directory: folder.appendingPathComponent("one"))
    let jsonRate = try await oneCaller(jsonOne, commands: commands)
    await jsonOne.close()
    emit("postgres_durable_dispatch_1_caller", [
        "commands": .int(commands),
        "postgres_commands_per_s": rounded(pgRate, 1),
        "jsonlines_commands_per_s": rounded(jsonRate, 1),
        "plain_insert_commits_per_s": rounded(plainOne, 1),
        "postgres_vs_plain_insert": rounded(pgRate / plainOne),
        "postgres_vs_jsonlines": rounded(pgRate / jsonRate),
    ])

    // Durable dispatch, 64 callers over 1,000 wallets.
    let pgMany = try await postgresStore("many")
    let pgManyRate = try await manyCallers(pgMany, callerCommands: callerCommands)
    let plainMany = try await plainInsertLoop(pgMany, callers: 64, count: callerCommands)
    let jsonMany = try await JSONLinesEventStore.open(directory: folder.appendingPathComponent("many"))
    let jsonManyRate = try await manyCallers(jsonMany, callerCommands: callerCommands)
    await jsonMany.close()
    emit("postgres_durable_dispatch_64_callers", [
        "commands": .int(64 * callerCommands), "aggregates": 1000,
        "postgres_commands_per_s": rounded(pgManyRate, 1),
        "jsonlines_commands_per_s": rounded(jsonManyRate, 1),
        "plain_insert_commits_per_s_64_callers": rounded(plainMany, 1),
        "postgres_vs_plain_insert": rounded(pgManyRate / plainMany),
        "postgres_vs_jsonlines": rounded(pgManyRate / jsonManyRate),
        "postgres_64_vs_1_caller": rounded(pgManyRate / pgRate),
    ])
    await pgOne.close()

    // Replay: a store of eventCount events (1,000 wallets), loaded by an orchestrator.
    let json = try await JSONLinesEventStore.open(directory: folder.appendingPathComponent("replay"), durability: .none)
    let memory = InMemoryEventStore()
    let filler = try await Orchestrator.start([Wallet.self], store: memory)
    var ids: [UUID] = []
    for _ in 0..<1000 {
        ids.append(try await filler.dispatch("create_wallet", ["user_id": .string(UUID().uuidString), "balance": 1.0]).id)
    }
    for index in 0..<(eventCount - 1000) {
        try await filler.dispatch("deposit", ["id": .string(ids[index % ids.count].uuidString), "amount": 1.0])
    }
    _ = try await EventStoreCopier(batchSize: 5_000).copy(from: memory, to: json)
    let pgReplay = try await postgresStore("replay")
    let (_, copySeconds) = try await seconds {
        try await EventStoreCopier(batchSize: 5_000).copy(from: json, to: pgReplay)
    }
    let (_, pgSeconds) = try await seconds { try await Orchestrator.start([Wallet.self], store: pgReplay) }
    let (_, jsonSeconds) = try await seconds { try await Orchestrator.start([Wallet.self], store: json) }
    emit("postgres_replay", [
        "events": .int(eventCount),
        "postgres_events_per_s": rounded(Double(eventCount) / pgSeconds, 0),
        "jsonlines_events_per_s": rounded(Double(eventCount) / jsonSeconds, 0),
        "postgres_vs_jsonlines": rounded(jsonSeconds / pgSeconds),
        "copy_jsonlines_to_postgres_events_per_s": rounded(Double(eventCount) / copySeconds, 0),
    ])
    await json.close()

    for name in schemas {
        try await pgMany.client.query("DROP SCHEMA IF EXISTS \(unescaped: name) CASCADE")
    }
    await pgMany.close()
    await pgReplay.close()
    try? FileManager.default.removeItem(at: folder)
} catch {
    FileHandle.standardError.write(Data("disco-bench-postgres: \(error)\n".utf8))
    try? FileManager.default.removeItem(at: folder)
    exit(1)
}
