import Foundation

/// Appends compact JSON text to a byte buffer: the writing half of ``JSON``.
enum JSONWriter {
    /// Appends a value.
    static func write(_ value: Value, into output: inout [UInt8]) throws(JSONError) {
        switch value {
        case .null:
            output.append(contentsOf: nullLiteral)
        case .bool(let bool):
            output.append(contentsOf: bool ? trueLiteral : falseLiteral)
        case .int(let int):
            writeInteger(int, into: &output)
        case .double(let double):
            try writeDouble(double, into: &output)
        case .decimal(let decimal):
            try writeDecimal(decimal, into: &output)
        case .string(let string):
            writeString(string, into: &output)
        case .array(let array):
            output.append(UInt8(ascii: "["))
            var first = true
            for element in array {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                try write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let params):
            try write(params, into: &output)
        }
    }

    /// Appends an object.
    static func write(_ params: Params, into output: inout [UInt8]) throws(JSONError) {
        output.append(UInt8(ascii: "{"))
        var first = true
        for (key, value) in params {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            writeString(key, into: &output)
            output.append(UInt8(ascii: ":"))
            try write(value, into: &output)
        }
        output.append(UInt8(ascii: "}"))
    }

    /// Appends a signed integer in decimal.
    static func writeInteger<Integer: BinaryInteger>(_ value: Integer, into output: inout [UInt8]) {
        if value == 0 {
            output.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        if value < 0 { output.append(UInt8(ascii: "-")) }
        // 20 digits hold any 64-bit magnitude.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits in
            var index = digits.count
            while magnitude != 0 {
                let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: 10)
                index -= 1
                digits[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remainder)
                magnitude = quotient
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[index...]))
        }
    }

    /// Appends a finite double in its shortest round-trip form (`0.1`, `100.0`, `1e-07`).
    static func writeDouble(_ double: Double, into output: inout [UInt8]) throws(JSONError) {
        guard double.isFinite else {
            throw JSONError(offset: nil, "cannot write \(double) as JSON: JSON numbers are finite")
        }
        output.append(contentsOf: double.description.utf8)
    }

    /// Appends a decimal exactly, as a plain JSON number.
    static func writeDecimal(_ decimal: Decimal, into output: inout [UInt8]) throws(JSONError) {
        guard !decimal.isNaN else {
            throw JSONError(offset: nil, "cannot write a NaN decimal as JSON")
        }
        output.append(contentsOf: decimal.description.utf8)
    }

    /// Appends a quoted string, escaping `"`, `\` and control characters.
    static func writeString(_ string: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if start < index {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                }
                appendEscape(of: byte, into: &output)
                start = index + 1
            }
            if start < bytes.count {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(of byte: UInt8, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        default:
            output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0x0F)])
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    private static let nullLiteral: [UInt8] = Array("null".utf8)
    private static let trueLiteral: [UInt8] = Array("true".utf8)
    private static let falseLiteral: [UInt8] = Array("false".utf8)
}
