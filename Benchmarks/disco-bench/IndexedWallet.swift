import Disco
import DiscoExamples
import Foundation

/// The generated `Wallet` with its queries' equality conditions given to the runtime as
/// index hints: what the templates would emit, measured against the scanning original.
struct IndexedWallet: Aggregate {
    typealias Command = Wallet.Command
    typealias Event = Wallet.Event

    static let aggregateName = "Wallet"
    static let commandNames = Wallet.commandNames
    static let queryNames = Wallet.queryNames

    var wallet: Wallet

    init(id: UUID) {
        wallet = Wallet(id: id)
    }

    var id: UUID { wallet.id }
    var fields: Params { wallet.fields }

    static func command(named name: String, params: Params) throws(ValidationErrors) -> Command? {
        try Wallet.command(named: name, params: params)
    }

    static func query(named name: String, params: Params) throws(ValidationErrors) -> Query<IndexedWallet>? {
        switch name {
        case Wallet.ListWallets.name:
            let query = try Wallet.ListWallets(params: params)
            return Query(name: name, returns: .list, where: { query.matches($0.wallet) }, index: ("user_id", Value(query.userId)))
        case Wallet.GetWallet.name:
            let query = try Wallet.GetWallet(params: params)
            return Query(name: name, returns: .one, where: { query.matches($0.wallet) }, index: ("id", Value(query.id)))
        default:
            return nil
        }
    }

    func execute(_ command: Command, context: CommandContext) throws(ValidationErrors) -> [Event] {
        try wallet.execute(command, context: context)
    }

    mutating func apply(_ event: Event) {
        wallet.apply(event)
    }
}
