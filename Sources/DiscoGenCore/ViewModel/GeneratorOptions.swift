/// Choices about the generated Swift that are not in the spec.
public struct GeneratorOptions: Sendable, Hashable {
    /// The access level of the generated declarations.
    public enum AccessModifier: String, Sendable, Hashable, CaseIterable {
        /// Usable from other modules.
        case `public`
        /// Usable from other modules of the same package.
        case package
        /// Usable inside the module only.
        case `internal`
    }

    /// The access level of the generated declarations.
    public var accessModifier: AccessModifier

    /// Options with defaults: `internal` access, like swift-openapi-generator.
    public init(accessModifier: AccessModifier = .internal) {
        self.accessModifier = accessModifier
    }
}
