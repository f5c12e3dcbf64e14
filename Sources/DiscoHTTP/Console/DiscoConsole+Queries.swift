import Disco
import Foundation
import HTTPTypes
import Hummingbird

extension DiscoConsole {
    /// A query's page: its description and its form.
    func queryPage(_ name: String) -> ConsolePage {
        guard let aggregate = orchestrator.aggregate(ofQuery: name) else {
            return .message("Unknown query", "There is no query named '\(name)'.", status: .notFound)
        }
        guard let operation = document.queries[name] else {
            return Self.missingOperationPage(.query, name, aggregate: aggregate)
        }
        let form = ConsoleForm(
            action: ConsolePaths.query(name),
            fields: operation.fields,
            values: ConsoleForm.defaults(of: operation.fields),
            errors: ValidationErrors(),
            submit: "Run the query"
        )
        return Self.operationPage(.query, name, aggregate: aggregate, operation: operation, result: .empty, form: form)
    }

    /// Runs a submitted query: the page again with the results, or with the messages beside
    /// their fields.
    func submitQuery(_ name: String, _ request: Request) async -> ConsolePage {
        guard let aggregate = orchestrator.aggregate(ofQuery: name) else {
            return .message("Unknown query", "There is no query named '\(name)'.", status: .notFound)
        }
        let submitted: FormValues
        switch await form(request) {
        case .values(let values): submitted = values
        case .refused(let page): return page
        }
        guard let operation = document.queries[name] else {
            return Self.missingOperationPage(.query, name, aggregate: aggregate)
        }
        var form = ConsoleForm(
            action: ConsolePaths.query(name),
            fields: operation.fields,
            values: ConsoleForm.submitted(submitted, fields: operation.fields),
            errors: ValidationErrors(),
            submit: "Run the query"
        )
        let result: HTML
        var status = HTTPResponse.Status.ok
        do throws(QueryError) {
            switch try await orchestrator.query(name, submitted.params(for: operation.fields)) {
            case .list(let states):
                let cards = states.map { "<article>\(StateView.table($0))</article>" as HTML }
                let count: HTML = states.count == 1 ? "1 \(aggregate) matches." : "\(states.count) \(aggregate)s match."
                result = "<div class=\"notice ok\" id=\"result\"><p>\(count)</p>\(cards)</div>"
            case .one(let state?):
                result =
                    "<div class=\"notice ok\" id=\"result\"><p>The matching \(aggregate):</p>\(StateView.table(state))</div>"
            case .one(nil):
                result = "<div class=\"notice ok\" id=\"result\"><p>No \(aggregate) matches.</p></div>"
                status = .notFound
            }
        } catch {
            let problem = error.problem
            if case .invalidParams(let errors) = error { form.errors = errors }
            result = """
                <div class="notice failed" id="result"><p><strong>\(problem.title)</strong>: \(problem.detail)</p></div>
                """
            status = problem.status
        }
        var page = Self.operationPage(
            .query,
            name,
            aggregate: aggregate,
            operation: operation,
            result: result,
            form: form
        )
        page.status = status
        return page
    }
}
