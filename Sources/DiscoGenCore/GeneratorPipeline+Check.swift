extension GeneratorPipeline {
    /// Loads and checks one spec, for the outputs that read the checked spec directly (the
    /// documentation and the OpenAPI document).
    /// - Parameters:
    ///   - yaml: The spec's text.
    ///   - file: The spec's path, as diagnostics and the outputs should show it.
    ///   - lock: The spec's lock, when it has one: it tells which versions are retired, so need
    ///     no upcast step. Whether the lock is stale is ``generate(yaml:file:lock:)``'s to say.
    /// - Returns: The checked spec and the warnings found on the way.
    /// - Throws: ``Diagnostics`` with every problem when any is an error.
    public func check(
        yaml: String,
        file: String,
        lock: SpecLock? = nil
    ) throws(Diagnostics) -> (spec: CheckedSpec, warnings: [Diagnostic]) {
        var diagnostics = DiagnosticList()
        var checker = checker
        checker.lock = lock ?? checker.lock
        let spec = loader.load(yaml: yaml, file: file, diagnostics: &diagnostics)
        let checked = spec.flatMap { checker.check($0, diagnostics: &diagnostics) }
        guard let checked, !diagnostics.hasErrors else { throw Diagnostics(diagnostics.diagnostics) }
        return (checked, Diagnostics(diagnostics.diagnostics).all)
    }
}
