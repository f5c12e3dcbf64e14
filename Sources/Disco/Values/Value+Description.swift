extension Value: CustomStringConvertible {
    /// The value as it is written in the docs: strings quoted, objects as `{key: value}`.
    public var description: String {
        switch self {
        case .null: "nil"
        case .bool(let bool): "\(bool)"
        case .int(let int): "\(int)"
        case .double(let double): "\(double)"
        case .decimal(let decimal): "\(decimal)"
        case .string(let string): "\"\(string)\""
        case .array(let array): "[" + array.map(\.description).joined(separator: ", ") + "]"
        case .object(let object): Value.describe(object)
        }
    }

    /// Params written as `{key: value, ...}`, keys in their order.
    public static func describe(_ params: Params) -> String {
        "{" + params.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    }
}
