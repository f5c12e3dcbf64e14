import Disco
import Foundation

/// Stores with known events, ids and times, for golden output.
enum Fixtures {
    static let walletA = StreamID(aggregate: "Wallet", id: id(0xA))
    static let walletB = StreamID(aggregate: "Wallet", id: id(0xB))

    /// `00000000-0000-0000-0000-00000000000n`.
    static func id(_ number: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-%012x", number))!
    }

    /// Four events: a wallet created, a command of two events on it, a second wallet.
    static let events: [RecordedEvent] = [
        event(1, walletA, 1, "wallet_created", command: 1, ["balance": 100.0]),
        event(2, walletA, 2, "money_deposited", command: 2, ["amount": 5.5]),
        event(3, walletA, 3, "money_withdrawn", command: 2, ["amount": 2.0]),
        event(4, walletB, 1, "wallet_created", command: 3, ["balance": 50.0]),
    ]

    static func event(
        _ position: Int64,
        _ stream: StreamID,
        _ version: Int,
        _ type: String,
        command: Int,
        _ payload: Params
    ) -> RecordedEvent {
        RecordedEvent(
            position: position,
            stream: stream,
            version: version,
            eventType: type,
            schemaVersion: 1,
            eventID: id(0x100 + Int(position)),
            commandID: id(0x200 + command),
            correlationID: id(0x200 + command),
            causationID: nil,
            recordedAt: Date(timeIntervalSince1970: 1_767_225_600 + Double(position)),  // 2026-01-01T00:00:0n
            payload: payload,
            metadata: [:]
        )
    }

    /// A JSON-lines store holding ``events``, closed cleanly.
    static func jsonLinesStore(in folder: URL) async throws -> URL {
        let directory = folder.appendingPathComponent("store")
        let store = try await JSONLinesEventStore.open(directory: directory, durability: .none)
        try await store.importEvents(events)
        await store.close()
        return directory
    }

    /// A JSON-lines store of `count` one-event commands over 100 wallets.
    static func largeStore(in folder: URL, count: Int) async throws -> URL {
        let directory = folder.appendingPathComponent("large")
        let store = try await JSONLinesEventStore.open(directory: directory, durability: .none)
        var versions: [Int: Int] = [:]
        var batch: [RecordedEvent] = []
        for position in 1...count {
            let wallet = position % 100
            let version = versions[wallet, default: 0] + 1
            versions[wallet] = version
            var event = event(
                Int64(position),
                StreamID(aggregate: "Wallet", id: id(0x1000 + wallet)),
                version,
                "money_deposited",
                command: 0x1000 + position,
                ["amount": 1.0]
            )
            event.eventID = id(0x100000 + position)
            batch.append(event)
            if batch.count == 1_000 {
                try await store.importEvents(batch)
                batch = []
            }
        }
        if !batch.isEmpty { try await store.importEvents(batch) }
        await store.close()
        return directory
    }
}
