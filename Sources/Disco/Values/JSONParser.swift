import Foundation

/// Reads JSON text from a contiguous byte buffer: the reading half of ``JSON``.
///
/// Besides whole values it offers the pieces that readers of a known layout need (raw
/// string ranges, integers, skipping a value without building it), so that the event store
/// can read its envelope without going through ``Value``.
struct JSONParser {
    /// The text being read.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    var index: Int = 0
    /// How deeply nested the value being read is.
    private var depth = 0
    /// Added to every offset an error names: where `bytes` starts in a larger text.
    let offsetBase: Int

    /// The deepest nesting of arrays and objects read; deeper texts are refused.
    static let maximumDepth = 512

    /// A parser at the start of a buffer; errors name offsets counted from `offsetBase`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, offsetBase: Int = 0) {
        self.bytes = bytes
        self.offsetBase = offsetBase
    }

    // MARK: Documents and values

    /// One value with only whitespace around it.
    mutating func parseDocument() throws(JSONError) -> Value {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw error("unexpected \(describeByte(at: index)) after the JSON value") }
        return value
    }

    /// The value starting at the current byte (after whitespace).
    mutating func parseValue() throws(JSONError) -> Value {
        skipWhitespace()
        guard index < bytes.count else { throw error("unexpected end of text, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return .object(try parseObject())
        case UInt8(ascii: "["): return .array(try parseArray())
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw error("unexpected \(describeByte(at: index)), expected a value")
        }
    }

    /// An object's members, in order; a repeated key keeps its last value.
    mutating func parseObject() throws(JSONError) -> Params {
        try enterNesting()
        defer { depth -= 1 }
        index += 1  // {
        var params = Params()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return params
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a string key in object, found \(describeByte(at: index))")
            }
            let key = try parseString()
            try expectSeparator(UInt8(ascii: ":"), "after an object key")
            params[key] = try parseValue()
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of text inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return params
            }
            throw error("expected ',' or '}' in object, found \(describeByte(at: index))")
        }
    }

    /// An array's elements.
    mutating func parseArray() throws(JSONError) -> [Value] {
        try enterNesting()
        defer { depth -= 1 }
        index += 1  // [
        var elements: [Value] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of text inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return elements
            }
            throw error("expected ',' or ']' in array, found \(describeByte(at: index))")
        }
    }

    // MARK: Strings

    /// Where a string's raw bytes are, and whether they hold escapes.
    struct RawString {
        /// The bytes between the quotes.
        var range: Range<Int>
        /// Whether the bytes hold backslash escapes (then they are not the string's UTF-8).
        var hasEscapes: Bool
    }

    /// Finds the end of the string starting at the current byte (a quote), checking its
    /// escapes but not decoding them.
    mutating func parseRawString() throws(JSONError) -> RawString {
        let quote = index
        index += 1
        let start = index
        var hasEscapes = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return RawString(range: start..<(index - 1), hasEscapes: hasEscapes)
            }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                index += 1
                guard index < bytes.count else { break }
                switch bytes[index] {
                case UInt8(ascii: "u"):
                    for offset in 1...4 {
                        guard index + offset < bytes.count, Self.hexValue(bytes[index + offset]) != nil else {
                            throw error("invalid \\u escape in string", at: index - 1)
                        }
                    }
                    index += 5
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                default:
                    throw error("invalid escape \\\(describeByte(at: index)) in string", at: index - 1)
                }
                continue
            }
            if byte < 0x20 {
                throw error("unescaped control character 0x\(String(byte, radix: 16)) in string")
            }
            index += 1
        }
        throw error("unterminated string", at: quote)
    }

    /// The string starting at the current byte (a quote), unescaped and checked to be UTF-8.
    mutating func parseString() throws(JSONError) -> String {
        let quote = index
        let raw = try parseRawString()
        return try string(of: raw, quoteOffset: quote)
    }

    /// The string a raw string stands for.
    func string(of raw: RawString, quoteOffset: Int) throws(JSONError) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[raw.range])
        if !raw.hasEscapes {
            // Most keys and values are ASCII, which is valid UTF-8 as it is; `decoding` skips
            // the generic validation path, which is a good part of the cost of reading events.
            if slice.allSatisfy({ $0 < 0x80 }) {
                return String(decoding: slice, as: UTF8.self)
            }
            guard let string = String(validating: slice, as: UTF8.self) else {
                throw error("string is not valid UTF-8", at: quoteOffset)
            }
            return string
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(slice.count)
        var position = raw.range.lowerBound
        while position < raw.range.upperBound {
            let byte = bytes[position]
            guard byte == UInt8(ascii: "\\") else {
                unescaped.append(byte)
                position += 1
                continue
            }
            let escape = bytes[position + 1]
            switch escape {
            case UInt8(ascii: "n"): unescaped.append(0x0A)
            case UInt8(ascii: "t"): unescaped.append(0x09)
            case UInt8(ascii: "r"): unescaped.append(0x0D)
            case UInt8(ascii: "b"): unescaped.append(0x08)
            case UInt8(ascii: "f"): unescaped.append(0x0C)
            case UInt8(ascii: "u"):
                var scalar = hex4(at: position + 2)
                var length = 6
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    let next = position + 6
                    guard next + 1 < raw.range.upperBound, bytes[next] == UInt8(ascii: "\\"),
                        bytes[next + 1] == UInt8(ascii: "u")
                    else {
                        throw error("unpaired high surrogate \\u\(String(scalar, radix: 16)) in string", at: position)
                    }
                    let low = hex4(at: next + 2)
                    guard (0xDC00..<0xE000).contains(low) else {
                        throw error(
                            "high surrogate \\u\(String(scalar, radix: 16)) is not followed by a low surrogate",
                            at: position
                        )
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    length = 12
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw error("unpaired low surrogate \\u\(String(scalar, radix: 16)) in string", at: position)
                }
                guard let unicode = Unicode.Scalar(scalar) else {
                    throw error("invalid unicode escape in string", at: position)
                }
                unescaped.append(contentsOf: UTF8.encode(unicode).map { Array($0) } ?? [])
                position += length
                continue
            default: unescaped.append(escape)  // " \ /
            }
            position += 2
        }
        guard let string = String(validating: unescaped, as: UTF8.self) else {
            throw error("string is not valid UTF-8", at: quoteOffset)
        }
        return string
    }

    private func hex4(at position: Int) -> UInt32 {
        var result: UInt32 = 0
        for offset in 0..<4 {
            result = result << 4 | UInt32(Self.hexValue(bytes[position + offset]) ?? 0)
        }
        return result
    }

    /// The value of a hexadecimal digit, any case.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    // MARK: Numbers

    /// The number starting at the current byte, as `.int`, `.double` or `.decimal` (see ``JSON``).
    mutating func parseNumber() throws(JSONError) -> Value {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var fractionDigits = 0
        var isInteger = true

        guard index < bytes.count, Self.isDigit(bytes[index]) else {
            throw error("expected a digit in number, found \(describeByte(at: index))")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, Self.isDigit(bytes[index]) {
                throw error("number has a leading zero", at: start)
            }
        } else {
            while index < bytes.count, Self.isDigit(bytes[index]) {
                Self.accumulate(bytes[index], into: &mantissa, significantDigits: &significantDigits)
                index += 1
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, Self.isDigit(bytes[index]) else {
                throw error("expected a digit after the decimal point, found \(describeByte(at: index))")
            }
            while index < bytes.count, Self.isDigit(bytes[index]) {
                Self.accumulate(bytes[index], into: &mantissa, significantDigits: &significantDigits)
                fractionDigits += 1
                index += 1
            }
        }
        var exponent = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            var exponentNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < bytes.count, Self.isDigit(bytes[index]) else {
                throw error("expected a digit in the exponent, found \(describeByte(at: index))")
            }
            while index < bytes.count, Self.isDigit(bytes[index]) {
                exponent = min(exponent * 10 + Int(bytes[index] - UInt8(ascii: "0")), 1_000_000)
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }

        if isInteger, significantDigits <= 19 {
            if mantissa <= UInt64(Int.max) {
                let magnitude = Int(mantissa)
                return .int(negative ? -magnitude : magnitude)
            }
            if negative, mantissa == UInt64(Int.max) + 1 { return .int(Int.min) }
        }
        if significantDigits <= 15 {
            let power = exponent - fractionDigits
            if mantissa == 0 { return .double(negative ? -0.0 : 0.0) }
            if (-22...22).contains(power) {
                // Exact: both the mantissa and the power of ten are exact doubles, so one
                // correctly rounded operation gives the correctly rounded result.
                var double = Double(mantissa)
                double = power < 0 ? double / Self.powersOfTen[-power] : double * Self.powersOfTen[power]
                return .double(negative ? -double : double)
            }
        }
        return try parseLongNumber(from: start, significantDigits: significantDigits)
    }

    /// Numbers beyond the fast paths: many digits, or a large exponent.
    private func parseLongNumber(from start: Int, significantDigits: Int) throws(JSONError) -> Value {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let double = Double(text) else { throw error("invalid number", at: start) }
        if significantDigits <= 15 {
            guard double.isFinite else { throw error("number \(text) is too large", at: start) }
            return .double(double)
        }
        if double.isFinite, Self.sameDigits(text.utf8, double.description.utf8) {
            return .double(double)
        }
        if let decimal = Decimal(string: text, locale: Self.posix), !decimal.isNaN {
            return .decimal(decimal)
        }
        guard double.isFinite else { throw error("number \(text) is too large", at: start) }
        return .double(double)
    }

    /// Whether two number texts have the same value digit for digit (ignoring how they are
    /// written: leading or trailing zeros, exponent form).
    static func sameDigits<A: Sequence<UInt8>, B: Sequence<UInt8>>(_ lhs: A, _ rhs: B) -> Bool {
        let left = normalized(lhs)
        let right = normalized(rhs)
        return left.digits == right.digits && (left.digits.isEmpty || left.exponent == right.exponent)
            && left.negative == right.negative
    }

    /// A number text's significant digits, without leading or trailing zeros, and the power
    /// of ten of its first digit.
    private static func normalized<Text: Sequence<UInt8>>(
        _ text: Text
    ) -> (negative: Bool, digits: [UInt8], exponent: Int) {
        var digits: [UInt8] = []
        var negative = false
        var pointSeen = false
        var integerDigits = 0  // digits before the point, counting from the first significant one
        var leadingFractionZeros = 0
        var exponent = 0
        var exponentNegative = false
        var inExponent = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "-") where !inExponent: negative = true
            case UInt8(ascii: "-"): exponentNegative = true
            case UInt8(ascii: "+"): break
            case UInt8(ascii: "."): pointSeen = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    exponent = min(exponent * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000)
                } else if digits.isEmpty, byte == UInt8(ascii: "0") {
                    if pointSeen { leadingFractionZeros += 1 }
                } else {
                    digits.append(byte)
                    if !pointSeen { integerDigits += 1 }
                }
            default: break
            }
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        if exponentNegative { exponent = -exponent }
        let firstDigitPower = integerDigits > 0 ? integerDigits - 1 : -(leadingFractionZeros + 1)
        return (negative, digits, firstDigitPower + exponent)
    }

    private static func accumulate(_ byte: UInt8, into mantissa: inout UInt64, significantDigits: inout Int) {
        let digit = UInt64(byte - UInt8(ascii: "0"))
        if significantDigits == 0, digit == 0 { return }
        significantDigits += 1
        if significantDigits <= 19 { mantissa = mantissa &* 10 &+ digit }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    // MARK: Skipping

    /// Checks the value at the current byte and moves past it without building it.
    mutating func skipValue() throws(JSONError) {
        skipWhitespace()
        guard index < bytes.count else { throw error("unexpected end of text, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            _ = try parseRawString()
        case UInt8(ascii: "{"):
            try enterNesting()
            defer { depth -= 1 }
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw error("expected a string key in object, found \(describeByte(at: index))")
                }
                _ = try parseRawString()
                try expectSeparator(UInt8(ascii: ":"), "after an object key")
                try skipValue()
                skipWhitespace()
                guard index < bytes.count else { throw error("unexpected end of text inside an object") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return
                }
                throw error("expected ',' or '}' in object, found \(describeByte(at: index))")
            }
        case UInt8(ascii: "["):
            try enterNesting()
            defer { depth -= 1 }
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return
            }
            while true {
                try skipValue()
                skipWhitespace()
                guard index < bytes.count else { throw error("unexpected end of text inside an array") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return
                }
                throw error("expected ',' or ']' in array, found \(describeByte(at: index))")
            }
        default:
            _ = try parseValue()
        }
    }

    // MARK: Small pieces

    /// Moves past spaces, tabs, carriage returns and line feeds.
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// Moves past whitespace and one expected byte.
    mutating func expectSeparator(_ byte: UInt8, _ context: String) throws(JSONError) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else {
            throw error("expected '\(Character(Unicode.Scalar(byte)))' \(context), found \(describeByte(at: index))")
        }
        index += 1
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONError) {
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { expected in
            index + count <= bytes.count && (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
        }
        guard matches else { throw error("invalid literal, expected \(literal)") }
        index += count
    }

    private mutating func enterNesting() throws(JSONError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw error("arrays and objects nest deeper than \(Self.maximumDepth) levels")
        }
    }

    /// A readable name for the byte at an offset: `'x'`, `byte 0x00`, or `end of text`.
    func describeByte(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of text" }
        let byte = bytes[offset]
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    /// An error at the current offset, or at a given one.
    func error(_ message: String, at offset: Int? = nil) -> JSONError {
        JSONError(offset: offsetBase + (offset ?? index), message)
    }
}
