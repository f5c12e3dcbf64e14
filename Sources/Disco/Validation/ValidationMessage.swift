/// The default messages of the spec language, the words users of the original library know.
public enum ValidationMessage {
    /// A uuid param that is missing, null or not a canonical UUID.
    public static let uuid = "must be a valid UUID string"
    /// A string param that is not a string.
    public static let string = "must be a string"
    /// An int param that is not an integral number.
    public static let int = "must be an integer"
    /// A double or decimal param that is not a number.
    public static let number = "must be a number"
    /// A bool param that is not a boolean.
    public static let bool = "must be a boolean"
    /// A date param that is not an ISO 8601 timestamp.
    public static let date = "must be an ISO 8601 date"
    /// A list param that is not a list.
    public static let list = "must be a list"
    /// A required string that is empty or only whitespace.
    public static let present = "must be present"
    /// A param the spec does not declare.
    public static let unknownParameter = "is not a known parameter"
    /// A string that does not match its `format`.
    public static let format = "must have the correct format"
    /// A command for an aggregate that does not exist.
    public static let notFound = "not found"
    /// A creating command for an aggregate that exists already.
    public static let alreadyExists = "already exists"
    /// A state field of type `number` that the command's events would make infinite or not a
    /// number (`balance: ["must stay a finite number"]`): nothing is recorded.
    public static let mustStayFinite = "must stay a finite number"

    /// `min: n`.
    public static func min(_ bound: String) -> String { "must be a number greater than or equal to \(bound)" }
    /// `max: n`.
    public static func max(_ bound: String) -> String { "must be a number less than or equal to \(bound)" }
    /// `greater_than: n`.
    public static func greaterThan(_ bound: String) -> String { "must be a number greater than \(bound)" }
    /// `less_than: n`.
    public static func lessThan(_ bound: String) -> String { "must be a number less than \(bound)" }
    /// `min_length: n`.
    public static func minLength(_ bound: Int) -> String { "must have a length of at least \(bound)" }
    /// `max_length: n`.
    public static func maxLength(_ bound: Int) -> String { "must have a length of no more than \(bound)" }
    /// `in: [a, b]`.
    public static func oneOf(_ choices: [String]) -> String {
        "must be one of [" + choices.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }
    /// A bad element of a list: `item N <element message>`.
    public static func item(_ index: Int, _ message: String) -> String { "item \(index) \(message)" }
}
