import Disco
import DiscoExamples
import Foundation
import Testing

/// The original Disco README session, through the dynamic API of the generated Wallet.
@Suite struct WalletDispatchTests {
    let userID = "0b7c5a52-3f4e-4d0a-9b8e-2f1d6c9e8a41"

    func start() async throws -> Orchestrator {
        try await Orchestrator.start([Wallet.self], store: InMemoryEventStore())
    }

    @Test func listsCommandsAndQueriesSorted() async throws {
        let orchestrator = try await start()
        #expect(await orchestrator.commands() == ["create_wallet", "deposit", "withdraw"])
        #expect(await orchestrator.queries() == ["get_wallet", "list_wallets"])
    }

    @Test func createWalletReturnsTheNewStateWithAGeneratedID() async throws {
        let orchestrator = try await start()
        let wallet = try await orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 100.0])
        #expect(wallet.aggregate == "Wallet")
        #expect(wallet.version == 1)
        #expect(wallet.fields.keys == ["id", "user_id", "balance"])
        #expect(wallet["id"] == .string(wallet.id.uuidString.lowercased()))
        #expect(wallet["user_id"] == .string(userID))
        #expect(wallet["balance"] == .double(100))
        #expect(wallet.description.hasPrefix("Wallet{id: \""))
    }

    @Test func balanceDefaultsToZero() async throws {
        let orchestrator = try await start()
        let wallet = try await orchestrator.dispatch("create_wallet", ["user_id": .string(userID)])
        #expect(wallet["balance"] == .double(0))
    }

    @Test func asyncDispatchReturnsTheIDAndRecordsInTheBackground() async throws {
        let orchestrator = try await start()
        let id = try await orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 5], async: true)
        await orchestrator.drain()
        let found = try await orchestrator.query("get_wallet", ["id": .string(id.uuidString)])
        #expect(found.states.map(\.id) == [id])
        #expect(found.states.first?["balance"] == .double(5))
    }

    @Test func asyncDispatchStillValidatesFirst() async throws {
        let orchestrator = try await start()
        await #expect(throws: DispatchError.invalidParams(["user_id": ["must be a valid UUID string"]])) {
            try await orchestrator.dispatch("create_wallet", ["balance": 100.0], async: true)
        }
    }

    @Test func missingUserIDIsTheOriginalError() async throws {
        let orchestrator = try await start()
        let error = await #expect(throws: DispatchError.self) {
            try await orchestrator.dispatch("create_wallet", ["balance": 100.0])
        }
        #expect(error == .invalidParams(["user_id": ["must be a valid UUID string"]]))
        #expect(error?.description == #"{user_id: ["must be a valid UUID string"]}"#)
    }

    @Test func everyFailingRuleOfEveryParamIsReported() async throws {
        let orchestrator = try await start()
        await #expect(
            throws: DispatchError.invalidParams([
                "user_id": ["must be a valid UUID string"],
                "balance": ["must be a number greater than or equal to 0"],
                "colour": ["is not a known parameter"],
            ])
        ) {
            try await orchestrator.dispatch("create_wallet", ["user_id": "not-a-uuid", "balance": -1, "colour": "red"])
        }
    }

    @Test(arguments: [
        (Value.string("100"), "must be a number"),
        (Value.bool(true), "must be a number"),
        (Value.array([1]), "must be a number"),
    ])
    func nothingConvertsStringsToNumbers(balance: Value, message: String) async throws {
        let orchestrator = try await start()
        await #expect(throws: DispatchError.invalidParams(["balance": [message]])) {
            try await orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": balance])
        }
    }

    @Test func uuidsAreAcceptedInAnyCaseButOnlyCanonical() async throws {
        let orchestrator = try await start()
        let upper = try await orchestrator.dispatch("create_wallet", ["user_id": .string(userID.uppercased())])
        #expect(upper["user_id"] == .string(userID))
        await #expect(throws: DispatchError.invalidParams(["user_id": ["must be a valid UUID string"]])) {
            try await orchestrator.dispatch("create_wallet", ["user_id": .string("{\(userID)}")])
        }
        await #expect(throws: DispatchError.invalidParams(["user_id": ["must be a valid UUID string"]])) {
            try await orchestrator.dispatch("create_wallet", ["user_id": nil])
        }
    }

    @Test func depositAndWithdrawChangeTheBalance() async throws {
        let orchestrator = try await start()
        let wallet = try await orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 100.0])
        let id = Value.string(wallet.id.uuidString)
        _ = try await orchestrator.dispatch("deposit", ["id": id, "amount": 25.5])
        let after = try await orchestrator.dispatch("withdraw", ["id": id, "amount": 20])
        #expect(after["balance"] == .double(105.5))
        #expect(after.version == 3)
    }

    @Test func amountsMustBePositive() async throws {
        let orchestrator = try await start()
        let wallet = try await orchestrator.dispatch("create_wallet", ["user_id": .string(userID)])
        await #expect(throws: DispatchError.invalidParams(["amount": ["must be a number greater than 0"]])) {
            try await orchestrator.dispatch("deposit", ["id": .string(wallet.id.uuidString), "amount": 0])
        }
        await #expect(
            throws: DispatchError.invalidParams(["id": ["must be a valid UUID string"], "amount": ["must be a number"]])
        ) {
            try await orchestrator.dispatch("withdraw", [:])
        }
    }

    @Test func withdrawingMoreThanTheBalanceBreaksTheRule() async throws {
        let orchestrator = try await start()
        let wallet = try await orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 10])
        await #expect(throws: DispatchError.rejected(["amount": ["exceeds the balance"]])) {
            try await orchestrator.dispatch("withdraw", ["id": .string(wallet.id.uuidString), "amount": 10.01])
        }
        let unchanged = try await orchestrator.query("get_wallet", ["id": .string(wallet.id.uuidString)])
        #expect(unchanged.states.first?["balance"] == .double(10))
        #expect(unchanged.states.first?.version == 1)
    }

    @Test func unknownIDsAreNotFound() async throws {
        let orchestrator = try await start()
        await #expect(throws: DispatchError.rejected(["id": ["not found"]])) {
            try await orchestrator.dispatch("deposit", ["id": .string(UUID().uuidString), "amount": 1])
        }
    }

    @Test func creatingAnExistingIDFails() async throws {
        let orchestrator = try await start()
        let id = UUID().uuidString
        _ = try await orchestrator.dispatch("create_wallet", ["id": .string(id), "user_id": .string(userID)])
        await #expect(throws: DispatchError.rejected(["id": ["already exists"]])) {
            try await orchestrator.dispatch("create_wallet", ["id": .string(id), "user_id": .string(userID)])
        }
    }

    @Test func unknownNamesHaveTheirOwnErrors() async throws {
        let orchestrator = try await start()
        let dispatchError = await #expect(throws: DispatchError.unknownCommand("open_wallet")) {
            try await orchestrator.dispatch("open_wallet", [:])
        }
        #expect(dispatchError?.description == "unknown command")
        let queryError = await #expect(throws: QueryError.unknownQuery("all_wallets")) {
            try await orchestrator.query("all_wallets", [:])
        }
        #expect(queryError?.description == "unknown query")
    }

    @Test func listWalletsReturnsTheUsersWalletsInCreationOrder() async throws {
        let orchestrator = try await start()
        let other = UUID().uuidString
        let first = try await orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 1])
        _ = try await orchestrator.dispatch("create_wallet", ["user_id": .string(other), "balance": 2])
        let second = try await orchestrator.dispatch("create_wallet", ["user_id": .string(userID), "balance": 3])
        let result = try await orchestrator.query("list_wallets", ["user_id": .string(userID)])
        guard case .list(let wallets) = result else {
            Issue.record("list_wallets returns a list, got \(result)")
            return
        }
        #expect(wallets.map(\.id) == [first.id, second.id])
    }

    @Test func queriesValidateTheirParams() async throws {
        let orchestrator = try await start()
        let error = await #expect(throws: QueryError.invalidParams(["user_id": ["must be a valid UUID string"]])) {
            try await orchestrator.query("list_wallets", [:])
        }
        #expect(error?.description == #"{user_id: ["must be a valid UUID string"]}"#)
    }

    @Test func getWalletOfAnUnknownIDIsNotFound() async throws {
        let orchestrator = try await start()
        let result = try await orchestrator.query("get_wallet", ["id": .string(UUID().uuidString)])
        #expect(result == .one(nil))
        #expect(result.description == "not found")
    }
}
