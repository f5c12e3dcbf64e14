/// Everything the templates need to render one aggregate, as ready-made Swift text.
///
/// Templates hold no logic beyond sections and loops; every decision is made here, in Swift,
/// by ``ViewModelTranslator``.
public struct AggregateViewModel: Sendable {
    /// The spec file's name, for the header comment.
    public var sourceFile: String
    /// The access modifier with a trailing space (`public `), or empty for internal.
    public var access: String
    /// The aggregate's Swift type name.
    public var aggregateType: String
    /// `wallet`: how doc comments name one aggregate.
    public var displayName: String
    /// The doc comment's lines, without `///`.
    public var documentation: [String]
    /// `"Wallet"`.
    public var aggregateNameLiteral: String
    /// `["create_wallet", "deposit"]`.
    public var commandNamesLiteral: String
    /// `["get_wallet", "list_wallets"]`.
    public var queryNamesLiteral: String
    /// The state's fields, without `id`.
    public var stateFields: [FieldViewModel]
    /// The state fields of type `number` (or an optional one), whose values must stay finite.
    public var numberStateFields: [FieldViewModel]
    /// Whether ``numberStateFields`` has any.
    public var hasNumberStateFields: Bool { !numberStateFields.isEmpty }
    /// The snapshot schema as a Swift literal: a fingerprint of the state's fields and of how
    /// events fold into them (see ``SnapshotSchema``).
    public var snapshotSchemaLiteral: String
    /// `"snapshot of Wallet"`: how a snapshot decoding error names what it read.
    public var snapshotLabelLiteral: String
    /// The commands.
    public var commands: [CommandViewModel]
    /// Whether the commands' decisions read the state.
    public var executeUsesState: Bool
    /// The commands whose decision is written by hand in Swift.
    public var handwrittenCommands: [CommandViewModel]
    /// Whether any command's decision is written by hand.
    public var hasHandwrittenCommands: Bool
    /// The events.
    public var events: [EventViewModel]
    /// Whether any event's `apply` reads the state before the event.
    public var applyUsesState: Bool
    /// The queries.
    public var queries: [QueryViewModel]
    /// The upcast steps written by hand in Swift (`handler: swift`), of every event.
    public var handwrittenSteps: [UpcastStepViewModel] = []
    /// Whether any upcast step is written by hand.
    public var hasHandwrittenSteps: Bool = false
}

/// A stored property: of the state, a command, an event or a query.
public struct FieldViewModel: Sendable {
    /// The Swift identifier: `userId`, or `` `default` `` for a keyword.
    public var identifier: String
    /// The identifier as an argument label, where keywords need no backticks.
    public var label: String { ViewModelTranslator.label(identifier) }
    /// The spec name as a Swift string literal: `"user_id"`.
    public var keyLiteral: String
    /// The Swift type: `UUID`.
    public var swiftType: String
    /// The value before the first event, or the default of a param (`= 0` in initializers).
    public var initialValue: String?
    /// Whether a comma follows it in a parameter list.
    public var isLast: Bool
    /// Whether its Swift type is an optional.
    public var isOptional: Bool { swiftType.hasSuffix("?") }

    /// A field.
    public init(identifier: String, keyLiteral: String, swiftType: String, initialValue: String?, isLast: Bool) {
        self.identifier = identifier
        self.keyLiteral = keyLiteral
        self.swiftType = swiftType
        self.initialValue = initialValue
        self.isLast = isLast
    }
}

/// A `#sourceLocation` directive and the Swift line it maps to the spec.
public struct MappedLine: Sendable {
    /// `#sourceLocation(file: "Specs/wallet.yml", line: 22)`; `nil` when the line before
    /// already maps to the same spec line.
    public var directive: String?
    /// The Swift text.
    public var swift: String
}

/// One item of a comma-separated list that templates write one item a line.
public struct ListItem: Sendable {
    /// The item's Swift text.
    public var text: String
    /// Whether it is the last item (no comma after it).
    public var isLast: Bool

    /// Items from texts.
    public static func items(_ texts: [String]) -> [ListItem] {
        texts.enumerated().map { ListItem(text: $1, isLast: $0 == texts.count - 1) }
    }
}

/// One `let x = reader.required(...)`.
public struct ParamReadViewModel: Sendable {
    /// The Swift name bound.
    public var identifier: String
    /// `required` or `optional`.
    public var method: String
    /// The call's arguments, when they fit on one line.
    public var inlineArguments: String?
    /// The call's arguments one a line, when they do not.
    public var arguments: [ListItem]
}

/// How a params struct reads and validates its params.
public struct ParamsViewModel: Sendable {
    /// `var` when params are read, `let` when there are none (only undeclared ones are reported).
    public var readerKeyword: String
    /// `["id", "amount"]`.
    public var declaredLiteral: String
    /// One read per param.
    public var reads: [ParamReadViewModel]
    /// `let id, let amount, ` for the guard; empty when every param is optional.
    public var guardBindings: String
    /// `id: id, amount: amount`.
    public var initArguments: String
    /// The typed checks of a command's `validate()`: one per param whose rules (or `must be
    /// present`) its Swift type does not guarantee; `method` is the ``ValueChecks`` method.
    public var checks: [ParamReadViewModel] = []
    /// Whether there are any checks.
    public var hasChecks: Bool { !checks.isEmpty }
}

/// A command.
public struct CommandViewModel: Sendable {
    /// `create_wallet`.
    public var name: String
    /// `createWallet`: the enum case.
    public var caseName: String
    /// `CreateWallet`: the struct.
    public var typeName: String
    /// The doc comment's lines, without `///`.
    public var summary: [String]
    /// Whether it starts an aggregate.
    public var creates: Bool
    /// The struct's properties, `id` first.
    public var properties: [FieldViewModel]
    /// The memberwise initializer's parameter list.
    public var initParameters: String
    /// How params are read.
    public var params: ParamsViewModel
    /// The business rules.
    public var rules: [RuleViewModel]
    /// Whether it has rules.
    public var hasRules: Bool
    /// The `case` pattern binding the command: `(let command)`, or empty when unused.
    public var binding: String
    /// The emitted events when they are all plain: returned as one array literal.
    public var directEmits: String?
    /// The emitted events when some are conditional or computed: appended one by one.
    public var emits: [EmitViewModel]
    /// Whether the decision is written by hand.
    public var isHandwritten: Bool
}

/// A business rule.
public struct RuleViewModel: Sendable {
    /// The check, mapped to its spec line.
    public var check: MappedLine
    /// The message as a Swift literal.
    public var messageLiteral: String
    /// The field as a Swift literal.
    public var fieldLiteral: String
}

/// An emitted event.
public struct EmitViewModel: Sendable {
    /// `.walletCreated(WalletCreated(userId: command.userId))`, mapped to its spec line.
    public var event: MappedLine
    /// The condition, when there is one.
    public var condition: MappedLine?
}

/// An event.
public struct EventViewModel: Sendable {
    /// `wallet_created`.
    public var name: String
    /// `walletCreated`.
    public var caseName: String
    /// `WalletCreated`.
    public var typeName: String
    /// The payload's schema version.
    public var schemaVersion: Int
    /// The payload's fields.
    public var fields: [FieldViewModel]
    /// Whether it has fields.
    public var hasFields: Bool
    /// The memberwise initializer's parameter list.
    public var initParameters: String
    /// The `case` pattern binding the event: `(let event)`, or empty when unused.
    public var binding: String
    /// The state assignments of `apply`, each mapped to its spec line.
    public var applies: [MappedLine]
    /// Whether the event changes the state at all.
    public var hasApplies: Bool
    /// The `case` patterns of the stored type names it decodes: `FundsDeposited.eventType, "money_deposited"`.
    public var casePatterns: String
    /// The upcast steps, ascending.
    public var steps: [UpcastStepViewModel]
    /// Whether it has upcast steps.
    public var hasSteps: Bool
    /// The steps the generator writes (not `handler: swift`).
    public var generatedSteps: [UpcastStepViewModel]
    /// The oldest version the code reads: the first step's, or `schemaVersion` without steps.
    public var oldestVersion: Int
    /// Whether older versions were retired (`oldestVersion` above 1), so reading one is an error.
    public var hasRetiredVersions: Bool
}

/// A query.
public struct QueryViewModel: Sendable {
    /// `list_wallets`.
    public var name: String
    /// `listWallets`: the typed API's method.
    public var caseName: String
    /// `ListWallets`.
    public var typeName: String
    /// `.list` or `.one`.
    public var returns: String
    /// Whether it returns one state.
    public var isOne: Bool
    /// The struct's properties.
    public var properties: [FieldViewModel]
    /// Whether it has params.
    public var hasProperties: Bool
    /// The memberwise initializer's parameter list.
    public var initParameters: String
    /// How params are read.
    public var params: ParamsViewModel
    /// The `where` condition, mapped to its spec line; `true` when there is none.
    public var condition: MappedLine
    /// The equality of the `where` the read model can answer from an index, if any.
    public var index: IndexViewModel?
}

/// `field == value`, implied by a query's `where`, for the read model's index.
public struct IndexViewModel: Sendable {
    /// The state field as a Swift literal: `"user_id"`.
    public var fieldLiteral: String
    /// The value as the state's fields show it: `Value(self.userId)`, mapped to its spec line.
    public var value: MappedLine
}
