import Foundation
import Testing

@testable import Disco

@Suite("JSON reading and writing")
struct JSONTests {
    private func text(_ value: Value) throws -> String {
        String(decoding: try JSON.encode(value), as: UTF8.self)
    }

    @Test("scalars are written compactly")
    func writesScalars() throws {
        #expect(try text(.null) == "null")
        #expect(try text(true) == "true")
        #expect(try text(false) == "false")
        #expect(try text(0) == "0")
        #expect(try text(-42) == "-42")
        #expect(try text(.int(Int.min)) == "-9223372036854775808")
        #expect(try text(.int(Int.max)) == "9223372036854775807")
        #expect(try text(100.0) == "100.0")
        #expect(try text(0.1) == "0.1")
        #expect(try text(.double(1e-7)) == "1e-07")
        #expect(try text(.decimal(Decimal(string: "12345678901234567890.123456789")!)) == "12345678901234567890.123456789")
    }

    @Test("objects keep their key order and arrays nest")
    func writesContainers() throws {
        let value: Value = ["b": 1, "a": [true, nil, "x"], "c": [:]]
        #expect(try text(value) == #"{"b":1,"a":[true,null,"x"],"c":{}}"#)
    }

    @Test("strings are escaped")
    func escapesStrings() throws {
        #expect(try text("a\"b\\c\nd\te\u{01}\u{1F}") == #""a\"b\\c\nd\te\u0001\u001f""#)
        #expect(try text("héllo 🎉") == "\"héllo 🎉\"")
    }

    @Test("non-finite numbers are refused when writing")
    func refusesNonFinite() {
        #expect(throws: JSONError.self) { try JSON.encode(.double(.nan)) }
        #expect(throws: JSONError.self) { try JSON.encode(.double(.infinity)) }
    }

    @Test("numbers read back as int, double or decimal")
    func readsNumbers() throws {
        #expect(try JSON.decode("0") == .int(0))
        #expect(try JSON.decode("-17") == .int(-17))
        #expect(try JSON.decode("9223372036854775807") == .int(Int.max))
        #expect(try JSON.decode("-9223372036854775808") == .int(Int.min))
        #expect(try JSON.decode("1.5") == .double(1.5))
        #expect(try JSON.decode("-0.001") == .double(-0.001))
        #expect(try JSON.decode("1e3") == .double(1000))
        #expect(try JSON.decode("1E-2") == .double(0.01))
        #expect(try JSON.decode("123456789012345.6") == .double(123456789012345.6))
        #expect(try JSON.decode("1e300") == .double(1e300))
        // The shortest text of a Double stays a Double, however many digits it has.
        #expect(try JSON.decode("0.30000000000000004") == .double(0.1 + 0.2))
        #expect(try JSON.decode("1.2345678901234568e+17") == .double(1.2345678901234568e17))
        // Longer decimals keep every digit.
        #expect(try JSON.decode("0.1000000000000000000001") == .decimal(Decimal(string: "0.1000000000000000000001")!))
        #expect(try JSON.decode("92233720368547758070") == .decimal(Decimal(string: "92233720368547758070")!))
    }

    @Test("every double survives a round trip", arguments: [
        0.1, 0.2, 0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0, 123.456, 1e-300, Double.leastNonzeroMagnitude, 1.7976931348623157e308,
        -2.5e-10, 4503599627370497.0, 9007199254740993.0, 0.0, -0.0, 1e21, 1e22, 1e23,
    ])
    func doublesRoundTrip(double: Double) throws {
        let value = try JSON.decode(JSON.encode(.double(double)))
        #expect(value.doubleValue?.bitPattern == double.bitPattern || (double == 0 && value.doubleValue == 0))
    }

    @Test("random doubles survive a round trip")
    func randomDoublesRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let double = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
            let value = try JSON.decode(JSON.encode(.double(double)))
            #expect(value.doubleValue == double, "\(double) came back as \(value)")
        }
    }

    @Test("decimals keep their digits", arguments: [
        "0.1", "12.50", "-3.14159265358979323846264338327950288", "1000000000000000000000", "0.000000000000000000001",
    ])
    func decimalsRoundTrip(text: String) throws {
        let decimal = try #require(Decimal(string: text))
        let value = try JSON.decode(JSON.encode(.decimal(decimal)))
        #expect(value.decimalValue == decimal)
    }

    @Test("strings are unescaped, surrogate pairs included")
    func readsStrings() throws {
        #expect(try JSON.decode(#""plain""#) == "plain")
        #expect(try JSON.decode(#""a\"b\\c\/d\b\f\n\r\t""#) == "a\"b\\c/d\u{08}\u{0C}\n\r\t")
        #expect(try JSON.decode(#""\u00e9\u4e2d""#) == "é中")
        #expect(try JSON.decode(#""\ud83c\udf89!""#) == "🎉!")
        #expect(try JSON.decode("\"héllo 🎉\"") == "héllo 🎉")
    }

    @Test("strings round trip, control characters included")
    func stringsRoundTrip() throws {
        let samples = ["", "\u{0}\u{7}\u{1F}\u{7F}", "quote\" back\\ slash/", "𝄞 music", "line\r\nbreak", "\u{2028}\u{FEFF}"]
        for sample in samples {
            #expect(try JSON.decode(JSON.encode(.string(sample))) == .string(sample))
        }
    }

    @Test("values round trip")
    func valuesRoundTrip() throws {
        let value: Value = [
            "id": "6f1c2a52-0b8e-4d53-9a6e-0c5bba0f3d11", "n": 3, "ok": true, "none": nil,
            "list": [1, 2.5, "three", [:], []], "nested": ["deeper": ["deepest": -1]],
        ]
        #expect(try JSON.decode(JSON.encode(value)) == value)
        #expect(try JSON.decode(" \n\t{ \"a\" : [ 1 , 2 ] }\r\n ") == ["a": [1, 2]])
    }

    @Test("errors name the byte offset", arguments: [
        ("{\"a\":1,}", 7), ("[1,2", 4), ("{\"a\" 1}", 5), ("tru", 0), ("01", 0), ("1.", 2), ("-", 1),
        ("\"abc", 0), ("\"a\\x\"", 2), ("\"\\ud800\"", 1), ("\"\\udc00x\"", 1), ("{} x", 3), ("", 0),
        ("\"a\u{01}\"", 2), ("1e", 2),
    ])
    func errorsNameOffsets(text: String, offset: Int) {
        do {
            _ = try JSON.decode(text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.offset == offset, "\(text): \(error)")
        }
    }

    @Test("invalid UTF-8 is refused")
    func refusesInvalidUTF8() {
        #expect(throws: JSONError.self) { try JSON.decode([0x22, 0xFF, 0xFE, 0x22]) }
    }

    @Test("deep nesting is refused, not overflowing the stack")
    func refusesDeepNesting() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONError.self) { try JSON.decode(text) }
    }

    @Test("decodeObject requires an object")
    func decodeObjectRequiresObject() throws {
        #expect(try JSON.decodeObject(Array(#"{"a":1}"#.utf8)) == ["a": 1])
        #expect(throws: JSONError.self) { try JSON.decodeObject(Array("[1]".utf8)) }
    }
}
