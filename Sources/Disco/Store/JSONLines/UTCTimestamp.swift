import Foundation

/// Writes and reads the store's timestamps, `2026-11-23T10:15:00.123Z`, without going through
/// a date formatter: UTC, milliseconds.
enum UTCTimestamp {
    /// A date cut down to whole milliseconds, as the store keeps it, so that what an append
    /// returns equals what a later read gives.
    static func truncatedToMilliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds(of: date)) / 1000)
    }

    /// Milliseconds since 1970, rounded down.
    static func milliseconds(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// Appends `YYYY-MM-DDTHH:MM:SS.mmmZ` for a date (years 0000 to 9999).
    static func write(_ date: Date, into output: inout [UInt8]) {
        let total = milliseconds(of: date)
        let millis = Int(total - 1000 * floorDivide(total, 1000))
        let seconds = floorDivide(total, 1000)
        let days = floorDivide(seconds, 86_400)
        var secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = civilDate(fromDays: days)
        let hour = secondOfDay / 3600
        secondOfDay %= 3600
        let minute = secondOfDay / 60
        let second = secondOfDay % 60
        appendDigits(Int(year), count: 4, into: &output)
        output.append(UInt8(ascii: "-"))
        appendDigits(month, count: 2, into: &output)
        output.append(UInt8(ascii: "-"))
        appendDigits(day, count: 2, into: &output)
        output.append(UInt8(ascii: "T"))
        appendDigits(hour, count: 2, into: &output)
        output.append(UInt8(ascii: ":"))
        appendDigits(minute, count: 2, into: &output)
        output.append(UInt8(ascii: ":"))
        appendDigits(second, count: 2, into: &output)
        output.append(UInt8(ascii: "."))
        appendDigits(millis, count: 3, into: &output)
        output.append(UInt8(ascii: "Z"))
    }

    /// The date of a timestamp: the store's own form quickly, any other ISO 8601 form through
    /// ``ISO8601``; `nil` when it is not a timestamp.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        if bytes.count == 24, bytes[23] == UInt8(ascii: "Z"), bytes[4] == UInt8(ascii: "-"),
            bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "."),
            let year = digits(bytes, 0, 4), let month = digits(bytes, 5, 2), let day = digits(bytes, 8, 2),
            let hour = digits(bytes, 11, 2), let minute = digits(bytes, 14, 2), let second = digits(bytes, 17, 2),
            let millis = digits(bytes, 20, 3), (1...12).contains(month), (1...31).contains(day), hour < 24,
            minute < 60, second < 60
        {
            let days = daysFromCivil(year: Int64(year), month: month, day: day)
            let total = ((days * 86_400 + Int64(hour * 3600 + minute * 60 + second)) * 1000) + Int64(millis)
            return Date(timeIntervalSince1970: Double(total) / 1000)
        }
        return ISO8601.date(from: String(decoding: bytes, as: UTF8.self))
    }

    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func appendDigits(_ value: Int, count: Int, into output: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var value = max(0, value)
        while divisor > 0 {
            output.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
            value %= divisor
            divisor /= 10
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    // Howard Hinnant's days-from-civil and civil-from-days algorithms.
    private static func daysFromCivil(year: Int64, month: Int, day: Int) -> Int64 {
        let year = month <= 2 ? year - 1 : year
        let era = floorDivide(year, 400)
        let yearOfEra = year - era * 400
        let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilDate(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        let month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
