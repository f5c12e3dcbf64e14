/// The generator: YAML → ``Spec`` → ``CheckedSpec`` → ``AggregateViewModel`` → Swift text.
///
/// Each stage is a separate value, so tests can run or replace one alone. Everything is in
/// memory: reading and writing files is the command-line tool's job.
public struct GeneratorPipeline: Sendable {
    /// Reads YAML into a spec.
    public var loader: SpecLoader
    /// Checks names, types and expressions.
    public var checker: SpecChecker
    /// Builds what the templates need.
    public var translator: ViewModelTranslator
    /// Renders the templates.
    public var renderer: SwiftRenderer

    /// A pipeline; every stage can be replaced.
    public init(
        options: GeneratorOptions = GeneratorOptions(),
        loader: SpecLoader = SpecLoader(),
        checker: SpecChecker = SpecChecker(),
        renderer: SwiftRenderer
    ) {
        self.loader = loader
        self.checker = checker
        self.translator = ViewModelTranslator(options: options)
        self.renderer = renderer
    }

    /// A pipeline rendering with the embedded templates.
    /// - Throws: ``GeneratorError`` when an embedded template does not parse (a bug).
    public init(options: GeneratorOptions = GeneratorOptions()) throws(GeneratorError) {
        self.init(options: options, renderer: try SwiftRenderer())
    }

    /// The result of generating one spec.
    public struct Output: Sendable {
        /// The aggregate's name: the generated file is `<name>.generated.swift`.
        public var aggregateName: String
        /// The Swift source.
        public var source: String
        /// Warnings found on the way.
        public var diagnostics: [Diagnostic]

        /// The generated file's name, from the spec file's name: `bank_account.yml` gives
        /// `BankAccount.generated.swift`, so build tools know it before generating.
        public var fileName: String

        /// The spec's lock as it should be: the lock given, with the spec's new event types
        /// and versions added.
        public var lock: SpecLock = SpecLock(aggregate: "")
        /// The versions the spec declares that the given lock does not record, in spec order.
        public var lockAdditions: [SpecLockChecker.Addition] = []
    }

    /// The name of the file generated from a spec: the spec file's name without its
    /// extension, in UpperCamelCase, then `.generated.swift`.
    public static func outputFileName(forSpec path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        let words = stem.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == " " })
        let camel = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return (camel.isEmpty ? "Aggregate" : camel) + ".generated.swift"
    }

    /// Generates the Swift of one spec.
    /// - Parameters:
    ///   - yaml: The spec's text.
    ///   - file: The spec's path, as diagnostics and `#sourceLocation` should show it.
    ///   - lock: The spec's lock (``SpecLock/path(forSpec:)``), when it has one. The spec must
    ///     keep every event type and version it records; the output has the updated lock.
    /// - Throws: ``Diagnostics`` with every problem when any is an error; ``GeneratorError``
    ///   when rendering fails.
    public func generate(yaml: String, file: String, lock: SpecLock? = nil) throws -> Output {
        var diagnostics = DiagnosticList()
        var checker = checker
        checker.lock = lock ?? checker.lock
        let spec = loader.load(yaml: yaml, file: file, diagnostics: &diagnostics)
        let checked = spec.flatMap { checker.check($0, diagnostics: &diagnostics) }
        let locked = spec.map {
            SpecLockChecker.check(
                $0,
                against: checker.lock,
                lockFile: SpecLock.path(forSpec: file),
                diagnostics: &diagnostics
            )
        }
        guard let checked, let locked, !diagnostics.hasErrors else { throw Diagnostics(diagnostics.diagnostics) }
        let source = try renderer.render(translator.translate(checked))
        return Output(
            aggregateName: checked.spec.aggregate.value,
            source: source,
            diagnostics: Diagnostics(diagnostics.diagnostics).all,
            fileName: Self.outputFileName(forSpec: file),
            lock: locked.lock,
            lockAdditions: locked.additions
        )
    }
}

extension GeneratorPipeline {
    /// What ``retire(yaml:file:lock:)`` gives: the spec generated against its retired lock,
    /// and what was retired.
    public struct Retirement: Sendable {
        /// The generated Swift, and in ``Output/lock`` the lock without the retired versions.
        public var output: Output
        /// What the lock no longer records.
        public var retired: [SpecLockRetirement.Retired]
    }

    /// Retires from `lock` the versions and event types the spec no longer reads
    /// (``SpecLockRetirement``), then generates the spec against what is left.
    /// - Throws: ``Diagnostics`` when the spec has errors, against the retired lock too.
    public func retire(yaml: String, file: String, lock: SpecLock) throws -> Retirement {
        var diagnostics = DiagnosticList()
        guard let spec = loader.load(yaml: yaml, file: file, diagnostics: &diagnostics), !diagnostics.hasErrors else {
            throw Diagnostics(diagnostics.diagnostics)
        }
        let (kept, retired) = SpecLockRetirement.retire(spec, from: lock)
        return Retirement(output: try generate(yaml: yaml, file: file, lock: kept), retired: retired)
    }
}
