import Disco
import DiscoExamples
import Foundation
import Testing

/// Correlation and causation ids flow from commands to events, and from events handled by
/// consumers to the commands they dispatch.
@Suite struct CorrelationTests {
    @Test func eventsCarryTheirCommandsIDs() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let correlation = UUID()
        let cause = UUID()
        let metadata = CommandMetadata(correlationID: correlation, causationID: cause, metadata: ["user": "ann"])
        let wallet = try await orchestrator.createWallet(metadata: metadata)
        let events = try await store.read(stream: StreamID(aggregate: "Wallet", id: wallet))
        #expect(events.count == 1)
        #expect(events[0].commandID == metadata.commandID)
        #expect(events[0].correlationID == correlation)
        #expect(events[0].causationID == metadata.commandID, "an event is caused by its command")
        #expect(events[0].metadata == ["user": "ann"])
    }

    @Test func aCommandWithoutACorrelationIDStartsItsOwn() async throws {
        let store = InMemoryEventStore()
        let orchestrator = try await Orchestrator.start([Wallet.self], store: store)
        let metadata = CommandMetadata()
        let wallet = try await orchestrator.createWallet(metadata: metadata)
        let event = try #require(try await store.read(stream: StreamID(aggregate: "Wallet", id: wallet)).first)
        #expect(event.correlationID == metadata.commandID)
    }

    @Test func aProcessManagersCommandsAreCausedByTheEvent() async throws {
        let store = InMemoryEventStore()
        let seen = SeenCommands()
        let orchestrator = try await Orchestrator.start(
            [Wallet.self],
            store: store,
            options: OrchestratorOptions(middleware: [seen])
        )
        try await orchestrator.startConsumer(WelcomeBonus(), checkpoints: InMemoryCheckpointStore())
        let request = CommandMetadata()
        let wallet = try await orchestrator.createWallet(metadata: request)
        await orchestrator.drain()

        let events = try await store.read(stream: StreamID(aggregate: "Wallet", id: wallet))
        #expect(events.map(\.eventType) == ["wallet_created", "money_deposited"])
        let created = events[0]
        let bonus = events[1]
        let command = try #require(await seen.all.first { $0.command == "deposit" })
        #expect(command.metadata.causationID == created.eventID)
        #expect(command.metadata.correlationID == request.correlationID)
        #expect(bonus.commandID == command.metadata.commandID)
        #expect(bonus.causationID == command.metadata.commandID)
        #expect(bonus.correlationID == request.correlationID)
        #expect(try await orchestrator.balance(wallet) == 10)
    }
}

/// Gives every new wallet 10: a process manager.
struct WelcomeBonus: EventConsumer {
    let name = "welcome-bonus"
    let eventTypes: Set<String>? = ["wallet_created"]

    func handle(_ event: RecordedEvent, context: ConsumerContext) async throws {
        try await context.dispatch("deposit", ["id": .string(event.stream.id.uuidString), "amount": 10])
    }
}

/// A middleware remembering every request it let through.
actor SeenCommands: DispatchMiddleware {
    private(set) var all: [DispatchRequest] = []

    func before(_ request: DispatchRequest) async throws(DispatchError) -> DispatchRequest {
        all.append(request)
        return request
    }
}
