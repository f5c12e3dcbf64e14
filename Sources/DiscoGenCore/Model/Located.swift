/// A value read from a spec, with the place it was written.
public struct Located<Wrapped: Sendable>: Sendable {
    /// The value.
    public var value: Wrapped
    /// Where the value starts in the spec file.
    public var location: SourceLocation

    /// A value at a place.
    public init(_ value: Wrapped, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Wrapped: Equatable {}
extension Located: Hashable where Wrapped: Hashable {}
