extension DiscoConsole {
    /// What a console page of one operation is about.
    enum OperationKind: String {
        /// A command: its result above its form.
        case command
        /// A query: its results below its form.
        case query
    }

    /// The page of a command or query: its description, its form, and what it answered.
    static func operationPage(
        _ kind: OperationKind,
        _ name: String,
        aggregate: String,
        operation: ConsoleDocument.Operation,
        result: HTML,
        form: ConsoleForm
    ) -> ConsolePage {
        let description: HTML =
            operation.description.map { text -> HTML in "<p class=\"description\">\(text)</p>" } ?? .empty
        let body: HTML = kind == .command ? "\(result)\(form.html)" : "\(form.html)\(result)"
        return ConsolePage(
            title: name,
            subtitle: "A \(kind.rawValue) of \(aggregate)",
            content: "\(description)\(body)"
        )
    }

    /// The page of an operation the console's OpenAPI document does not describe.
    static func missingOperationPage(_ kind: OperationKind, _ name: String, aggregate: String) -> ConsolePage {
        ConsolePage(
            title: name,
            subtitle: "A \(kind.rawValue) of \(aggregate)",
            content: """
                <div class="notice failed"><p>The OpenAPI document the console was given does not describe this \
                \(kind.rawValue), so there is no form for it. Give the console the document disco-gen openapi writes \
                for these specs.</p></div>
                """
        )
    }
}
