import Disco

/// The decision of `close_account`, which the spec leaves to Swift (`handler: swift`).
///
/// The generated code declares `BankAccountDecisions`; without this extension the target
/// does not compile.
extension BankAccount {
    /// Closes an account whose balance is zero, unless it is closed already.
    public func decide(_ command: CloseAccount, context: CommandContext) throws(ValidationErrors) -> [Event] {
        var violations = ValidationErrors()
        if closed { violations.add("account is already closed", to: "base") }
        if balance != 0 { violations.add("must be zero to close the account", to: "balance") }
        try violations.throwIfAny()
        return [.accountClosed(AccountClosed())]
    }
}
