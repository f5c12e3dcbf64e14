import Foundation

/// ISO 8601 timestamps as `Disco` writes and reads them.
///
/// Writing always uses UTC with milliseconds (`2026-11-23T10:15:00.000Z`); reading also
/// accepts timestamps without fractional seconds and with a numeric offset.
public enum ISO8601 {
    /// The timestamp of a date, in UTC with milliseconds.
    public static func string(from date: Date) -> String {
        date.formatted(withFractionalSeconds)
    }

    /// The date of a timestamp, or `nil` when the text is not an ISO 8601 timestamp.
    public static func date(from string: String) -> Date? {
        if let date = try? withFractionalSeconds.parse(string) { return date }
        return try? withoutFractionalSeconds.parse(string)
    }

    private static let withFractionalSeconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let withoutFractionalSeconds = Date.ISO8601FormatStyle()
}
