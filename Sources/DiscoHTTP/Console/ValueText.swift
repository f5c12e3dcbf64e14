import Disco

/// Values as the console shows them: strings as they are, everything else as JSON text.
enum ValueText {
    /// The text of a value in a page.
    static func display(_ value: Value) -> String {
        if case .string(let string) = value { return string }
        return (try? JSON.string(value)) ?? value.description
    }

    /// The text of a value in a form field: a list one element a line.
    static func form(_ value: Value) -> String {
        switch value {
        case .string(let string): string
        case .array(let elements): elements.map(form).joined(separator: "\n")
        default: display(value)
        }
    }

    /// The JSON text of params, for a payload.
    static func json(_ params: Params) -> String {
        (try? JSON.string(.object(params))) ?? Value.describe(params)
    }
}
