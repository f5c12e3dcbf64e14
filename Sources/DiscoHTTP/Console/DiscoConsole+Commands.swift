import Disco
import Foundation
import Hummingbird

extension DiscoConsole {
    /// A command's page: its description and its form, with defaults prefilled.
    func commandPage(_ name: String) -> ConsolePage {
        guard let aggregate = orchestrator.aggregate(ofCommand: name) else {
            return .message("Unknown command", "There is no command named '\(name)'.", status: .notFound)
        }
        guard let operation = document.commands[name] else {
            return Self.missingOperationPage(.command, name, aggregate: aggregate)
        }
        let form = ConsoleForm(
            action: ConsolePaths.command(name),
            fields: operation.fields,
            values: ConsoleForm.defaults(of: operation.fields),
            errors: ValidationErrors(),
            submit: "Dispatch",
            commandID: UUID()
        )
        return Self.operationPage(
            .command,
            name,
            aggregate: aggregate,
            operation: operation,
            result: .empty,
            form: form
        )
    }

    /// Dispatches a submitted form: the page again with the new state, or with the messages of
    /// the refusal beside their fields (and the status the HTTP routes would answer with).
    func submitCommand(_ name: String, _ request: Request, context: some RequestContext) async -> ConsolePage {
        guard let aggregate = orchestrator.aggregate(ofCommand: name) else {
            return .message("Unknown command", "There is no command named '\(name)'.", status: .notFound)
        }
        let submitted: FormValues
        switch await form(request) {
        case .values(let values): submitted = values
        case .refused(let page): return page
        }
        guard let operation = document.commands[name] else {
            return Self.missingOperationPage(.command, name, aggregate: aggregate)
        }
        let params = submitted.params(for: operation.fields)
        let commandID = submitted[FormValues.commandIDField].flatMap(UUID.init(uuidString:)) ?? UUID()
        var form = ConsoleForm(
            action: ConsolePaths.command(name),
            fields: operation.fields,
            values: ConsoleForm.submitted(submitted, fields: operation.fields),
            errors: ValidationErrors(),
            submit: "Dispatch",
            commandID: UUID()
        )
        do throws(DispatchError) {
            let state = try await orchestrator.dispatch(name, params, metadata: CommandMetadata(commandID: commandID))
            let result: HTML = """
                <div class="notice ok" id="result"><p>Dispatched: the \(aggregate) is at version \(state.version).</p>
                \(StateView.table(state))</div>
                """
            return Self.operationPage(
                .command,
                name,
                aggregate: aggregate,
                operation: operation,
                result: result,
                form: form
            )
        } catch {
            if case .storeFailure(let storeError) = error {
                context.logger.error("console dispatch of \(name) failed in the event store: \(storeError)")
            }
            let problem = error.problem
            var errors = ValidationErrors()
            switch error {
            case .invalidParams(let map), .rejected(let map): errors = map
            default: break
            }
            form.errors = errors
            // Messages of fields the form does not show (`base`, unknown params) go above it.
            let fieldNames = Set(operation.fields.map(\.name))
            let others = errors.fields.filter { !fieldNames.contains($0.key) }.flatMap { field in
                field.value.map { message -> HTML in "<li>\(field.key): \(message)</li>" }
            }
            let otherList: HTML = others.isEmpty ? .empty : "<ul class=\"errors\">\(others)</ul>"
            let result: HTML = """
                <div class="notice failed" id="result"><p><strong>\(problem.title)</strong>: \(problem.detail)</p>
                \(otherList)<p>Nothing was recorded.</p></div>
                """
            var page = Self.operationPage(
                .command,
                name,
                aggregate: aggregate,
                operation: operation,
                result: result,
                form: form
            )
            page.status = problem.status
            return page
        }
    }
}
