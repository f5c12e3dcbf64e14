@testable import Disco
import DiscoExamples
import Foundation
import Testing

/// The read model behind queries: complete, in creation order, with equality indexes.
@Suite struct ReadModelTests {
    func wallet(user: UUID, balance: Double) -> Wallet {
        var wallet = Wallet(id: UUID())
        wallet.userId = user
        wallet.balance = balance
        return wallet
    }

    func byBalance(_ balance: Double, returns: Query<Wallet>.Cardinality = .list) -> Query<Wallet> {
        Query(name: "by_balance", returns: returns, where: { $0.balance == balance }, index: ("balance", Value(balance)))
    }

    @Test func anIndexedQueryAnswersAsTheScanDoesAndFollowsChanges() {
        var model = ReadModel<Wallet>()
        let user = UUID()
        var wallets: [Wallet] = []
        for number in 0..<20 {
            let wallet = wallet(user: user, balance: Double(number % 3))
            wallets.append(wallet)
            model.update(wallet.id, to: VersionedState(state: wallet, version: 1))
        }
        let scan = Query<Wallet>(name: "scan", returns: .list, where: { $0.balance == 1 })
        #expect(model.matches(byBalance(1)).map(\.state.id) == model.matches(scan).map(\.state.id))
        #expect(model.indexedFields == ["balance"])

        var changed = wallets[1]
        changed.balance = 2
        model.update(changed.id, to: VersionedState(state: changed, version: 2))
        let ones = model.matches(byBalance(1)).map(\.state.id)
        #expect(!ones.contains(changed.id))
        #expect(ones == model.matches(scan).map(\.state.id))
        let twos = model.matches(byBalance(2)).map(\.state.id)
        #expect(twos.contains(changed.id))
        #expect(twos == wallets.map(\.id).filter { id in twos.contains(id) }, "creation order")

        let added = wallet(user: user, balance: 1)
        model.update(added.id, to: VersionedState(state: added, version: 1))
        #expect(model.matches(byBalance(1)).last?.state.id == added.id)
        #expect(model.matches(byBalance(1, returns: .one)).map(\.state.id) == [ones[0]])
    }

    @Test func anOlderVersionNeverReplacesANewerOne() {
        var model = ReadModel<Wallet>()
        let newer = wallet(user: UUID(), balance: 5)
        var older = newer
        older.balance = 1
        model.update(newer.id, to: VersionedState(state: newer, version: 3))
        model.update(newer.id, to: VersionedState(state: older, version: 2))
        #expect(model.entry(newer.id)?.state.balance == 5)
    }

    @Test func theIDIndexNeedsNoBuilding() {
        var model = ReadModel<Wallet>()
        let one = wallet(user: UUID(), balance: 1)
        model.update(one.id, to: VersionedState(state: one, version: 1))
        let query = Query<Wallet>(name: "get", returns: .one, where: { $0.id == one.id }, index: ("id", Value(one.id)))
        #expect(model.matches(query).map(\.state.id) == [one.id])
        #expect(model.indexedFields.isEmpty)
    }
}
