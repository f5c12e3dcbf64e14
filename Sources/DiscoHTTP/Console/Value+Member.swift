import Disco

extension Value {
    /// The member of an object; `nil` for anything else, so a document of an unexpected
    /// shape reads as one without the member.
    subscript(member: String) -> Value? {
        if case .object(let object) = self { return object[member] }
        return nil
    }
}
