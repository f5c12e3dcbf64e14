/// Reads typed values out of params, collecting every failing rule of every param.
///
/// Generated code reads each declared param in order, then throws if anything failed:
///
/// ```swift
/// var reader = ParamsReader(params, declared: ["id", "amount"])
/// let id = reader.required("id", .uuid)
/// let amount = reader.required("amount", .double, rules: [.greaterThan(0, message: "…")])
/// guard let id, let amount, reader.errors.isEmpty else { throw reader.errors }
/// ```
///
/// Params the spec does not declare are reported as `is not a known parameter`, after the
/// declared ones.
public struct ParamsReader: Sendable {
    /// Every problem found so far.
    @inlinable
    public var errors: ValidationErrors {
        var all = found
        for name in params.keys where !declared.contains(name) {
            all.add(ValidationMessage.unknownParameter, to: name)
        }
        return all
    }

    // Inlinable, with the members below, so that generated code specialises the reads for
    // its types instead of running them generic (a metadata lookup per call).
    @usableFromInline let params: Params
    @usableFromInline let declared: Set<String>
    @usableFromInline var found = ValidationErrors()

    /// A reader of `params` that accepts exactly the `declared` names.
    @inlinable
    public init(_ params: Params, declared: Set<String>) {
        self.params = params
        self.declared = declared
    }

    /// A required param: missing or null is reported with the type's message, and a required
    /// string that is empty or only whitespace with `must be present`.
    /// - Returns: The value, or `nil` when it is wrong (and an error was recorded).
    @inlinable
    public mutating func required<Wrapped>(
        _ name: String,
        _ type: ParamType<Wrapped>,
        presentMessage: String = ValidationMessage.present,
        rules: [ValidationRule<Wrapped>] = []
    ) -> Wrapped? {
        guard let value = params[name], !value.isNull else {
            found.add(type.message, to: name)
            return nil
        }
        let converted = convert(name, value, type, rules: rules)
        if let string = converted as? String, string.allSatisfy(\.isWhitespace) {
            found.add(presentMessage, to: name)
            return nil
        }
        return converted
    }

    /// A param with a default, used when the param is missing or null.
    /// - Returns: The value, or `nil` when it is wrong (and an error was recorded).
    @inlinable
    public mutating func required<Wrapped>(
        _ name: String,
        _ type: ParamType<Wrapped>,
        default defaultValue: Wrapped,
        rules: [ValidationRule<Wrapped>] = []
    ) -> Wrapped? {
        guard let value = params[name], !value.isNull else { return defaultValue }
        return convert(name, value, type, rules: rules)
    }

    /// An optional param: missing or null is `nil` and no error.
    /// - Returns: The value, or `nil` when it is absent or wrong (and an error was recorded).
    @inlinable
    public mutating func optional<Wrapped>(
        _ name: String,
        _ type: ParamType<Wrapped>,
        rules: [ValidationRule<Wrapped>] = []
    ) -> Wrapped? {
        guard let value = params[name], !value.isNull else { return nil }
        return convert(name, value, type, rules: rules)
    }

    @inlinable
    mutating func convert<Wrapped>(
        _ name: String,
        _ value: Value,
        _ type: ParamType<Wrapped>,
        rules: [ValidationRule<Wrapped>]
    ) -> Wrapped? {
        switch type.convert(value) {
        case .failure(let messages):
            for message in messages { found.add(message, to: name) }
            return nil
        case .success(let converted):
            let broken = rules.filter { !$0.check(converted) }
            for rule in broken { found.add(rule.message, to: name) }
            return broken.isEmpty ? converted : nil
        }
    }
}
