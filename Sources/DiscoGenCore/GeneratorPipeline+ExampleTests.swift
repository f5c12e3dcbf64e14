extension GeneratorPipeline {
    /// Generates the Swift Testing suite of one spec's examples.
    /// - Parameters:
    ///   - yaml: The spec's text.
    ///   - file: The spec's path, as diagnostics and test failures should show it.
    ///   - imports: The modules that hold the generated aggregate.
    ///   - disabledReason: When set, the suite is generated disabled with this reason.
    /// - Throws: ``Diagnostics`` with every problem when any is an error.
    public func generateExampleTests(
        yaml: String,
        file: String,
        imports: [String],
        disabledReason: String? = nil
    ) throws -> Output {
        var diagnostics = DiagnosticList()
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
