import Disco
import DiscoExamples
import DiscoPostgres
import Foundation
import Testing

@Suite(
    "Two writers on the same aggregates",
    .enabled(if: PostgresTestEnvironment.shouldRun, PostgresTestEnvironment.skipReason),
    .timeLimit(.minutes(3))
)
struct PostgresTwoWriterTests {
    static let wallets = 4
    static let deposits = 15

    /// Creates the wallets through a first orchestrator.
    static func createWallets(in store: PostgresEventStore) async throws -> [UUID] {
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        var ids: [UUID] = []
        for _ in 0..<wallets {
            let state = try await orchestrator.dispatch("create_wallet", ["user_id": Value(UUID()), "balance": 0.0])
            ids.append(state.id)
        }
        return ids
    }

    /// Checks that no deposit was lost and the store stayed gapless.
    static func verify(_ store: PostgresEventStore, ids: [UUID], writers: Int) async throws {
        let events = try await store.readAll(after: 0, limit: 100_000)
        let expected = ids.count * (1 + writers * deposits)
        #expect(events.map(\.position) == Array(1...Int64(expected)))
        for id in ids {
            let stream = StreamID(aggregate: Wallet.aggregateName, id: id)
            let versions = try await store.read(stream: stream).map(\.version)
            #expect(versions == Array(1...(1 + writers * deposits)))
        }
        let reader = try await Orchestrator.start([Wallet.self], store: store)
        for id in ids {
            let result = try await reader.query("get_wallet", ["id": Value(id)])
            #expect(result.states.first?["balance"]?.doubleValue == Double(writers * deposits), "wallet \(id): \(result)")
        }
    }

    @Test("two store instances with their own pools and orchestrators: no lost update, gapless positions")
    func twoInstances() async throws {
        try await PostgresTestEnvironment.withStore { store, configuration in
            let ids = try await Self.createWallets(in: store)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        let writer = try await PostgresEventStore.open(configuration)
                        let orchestrator = try await Orchestrator.start([Wallet.self], store: writer)
                        try await withThrowingTaskGroup(of: Void.self) { callers in
                            for id in ids {
                                callers.addTask {
                                    for _ in 0..<Self.deposits {
                                        while true {
                                            do {
                                                try await orchestrator.dispatch("deposit", ["id": Value(id), "amount": 1.0])
                                                break
                                            } catch DispatchError.conflict {
                                                continue
                                            }
                                        }
                                    }
                                }
                            }
                            try await callers.waitForAll()
                        }
                        await writer.close()
                    }
                }
                try await group.waitForAll()
            }
            try await Self.verify(store, ids: ids, writers: 2)
        }
    }

    @Test("two wallet-load processes writing the same wallets: no lost update, gapless positions")
    func twoProcesses() async throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0])
            .deletingLastPathComponent()
            .appendingPathComponent("wallet-load")
        let found = FileManager.default.isExecutableFile(atPath: executable.path)
        try #require(found, "wallet-load is not built beside the tests at \(executable.path)")
        try await PostgresTestEnvironment.withStore { store, configuration in
            let ids = try await Self.createWallets(in: store)
            guard var url = ProcessInfo.processInfo.environment[PostgresStoreConfiguration.environmentVariable] else {
                return
            }
            url += url.contains("?") ? "&schema=\(configuration.schema)" : "?schema=\(configuration.schema)"
            var processes: [(Process, Pipe)] = []
            for _ in 0..<2 {
                let process = Process()
                let output = Pipe()
                process.executableURL = executable
                process.arguments = [
                    "--url", url,
                    "--wallets", ids.map(\.uuidString).joined(separator: ","),
                    "--deposits", "\(Self.deposits)", "--callers", "\(Self.wallets)",
                ]
                process.standardOutput = output
                process.standardError = output
                try process.run()
                processes.append((process, output))
            }
            for (process, output) in processes {
                let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "wallet-load: \(text)")
                #expect(text.contains(#""deposits":\#(Self.wallets * Self.deposits)"#), "\(text)")
            }
            try await Self.verify(store, ids: ids, writers: 2)
        }
    }
}
