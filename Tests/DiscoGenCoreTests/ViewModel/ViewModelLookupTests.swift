import DiscoGenCore
import Foundation
import Mustache
import Testing

/// The templates find every view-model property by name: the hand-written `child(named:)`
/// lookups stay in step with the stored properties.
@Suite struct ViewModelLookupTests {
    /// Every value reachable from a view model, depth first, with the path that reached it.
    func walk(_ value: Any, path: String, visit: (Any, String) -> Void) {
        visit(value, path)
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            if let wrapped = mirror.children.first?.value { walk(wrapped, path: path, visit: visit) }
            return
        }
        for (index, child) in mirror.children.enumerated() {
            walk(child.value, path: "\(path).\(child.label ?? String(index))", visit: visit)
        }
    }

    @Test func everyStoredPropertyIsReachableByName() throws {
        let spec = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Specs/bank_account.yml"),
            encoding: .utf8
        )
        var diagnostics = DiagnosticList()
        let loaded = try #require(SpecLoader().load(yaml: spec, file: "bank_account.yml", diagnostics: &diagnostics))
        let checked = try #require(SpecChecker().check(loaded, diagnostics: &diagnostics))
        let viewModel = ViewModelTranslator().translate(checked)
        var checkedTypes: Set<String> = []
        walk(viewModel, path: "viewModel") { value, path in
            guard Mirror(reflecting: value).displayStyle != .optional, let parent = value as? MustacheParent else {
                return
            }
            checkedTypes.insert(String(describing: type(of: value)))
            for child in Mirror(reflecting: value).children {
                guard let label = child.label else { continue }
                let isNil = Mirror(reflecting: child.value).displayStyle == .optional
                    && Mirror(reflecting: child.value).children.isEmpty
                #expect(isNil || parent.child(named: label) != nil, "\(path).\(label) is not reachable by name")
            }
        }
        #expect(checkedTypes.count >= 10, "\(checkedTypes.sorted())")
    }
}
