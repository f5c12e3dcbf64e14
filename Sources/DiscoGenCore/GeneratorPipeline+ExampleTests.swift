extension GeneratorPipeline {
    /// Generates the Swift Testing suite of one spec's examples.
    /// - Parameters:
    ///   - yaml: The spec's text.
    ///   - file: The spec's path, as diagnostics and test failures should show it.
    ///   - imports: The modules that hold the generated aggregate.
    ///   - disabledReason: When set, the suite is generated disabled with this reason.
    ///   - lock: The spec's lock, when it has one (see ``check(yaml:file:lock:)``).
    /// - Throws: ``Diagnostics`` with every problem when any is an error.
    public func generateExampleTests(
        yaml: String,
        file: String,
        imports: [String],
        disabledReason: String? = nil,
        lock: SpecLock? = nil
    ) throws -> Output {
        var diagnostics = DiagnosticList()
        var checker = checker
        checker.lock = lock ?? checker.lock
        let spec = loader.load(yaml: yaml, file: file, diagnostics: &diagnostics)
        let checked = spec.flatMap { checker.check($0, diagnostics: &diagnostics) }
        guard let checked, !diagnostics.hasErrors else { throw Diagnostics(diagnostics.diagnostics) }
        return Output(
            aggregateName: checked.spec.aggregate.value,
            source: ExampleTestsRenderer(imports: imports, disabledReason: disabledReason).render(checked),
            diagnostics: Diagnostics(diagnostics.diagnostics).all,
            fileName: ExampleTestsRenderer.outputFileName(forSpec: file)
        )
    }
}
