import Testing
import DiscoGenCore

@Suite("Swift string literals")
struct SwiftStringLiteralTests {
    static let hostile: [String] = [
        "",
        "plain",
        #"say "hi""#,
        #"back\slash"#,
        #"\(injected())"#,
        #"\\(still not)"#,
        #"""" triple """"#,
        ##""# raw #""##,
        "#\"",
        "line\nbreak",
        "cr\rlf\r\n",
        "tab\there",
        "nul\u{0}bell\u{7}esc\u{1B}del\u{7F}",
        "c1\u{85}\u{9F}",
        "bidi \u{202E}txt\u{2066}\u{2069} zw\u{200B}\u{FEFF}",
        "separators\u{2028}\u{2029}",
        "nbsp\u{A0}ideographic\u{3000}",
        "private\u{E000}",
        "café 日本語 🎉 👩‍👩‍👧",
        "\u{301}combining first",
        "e\u{301} then \"\u{301}",
        "\"); exit(1); let x = (\"",
        "*/ /* // comment",
    ]

    @Test func exactText() {
        #expect(swiftStringLiteral("") == #""""#)
        #expect(swiftStringLiteral("plain") == #""plain""#)
        #expect(swiftStringLiteral(#"say "hi""#) == #""say \"hi\"""#)
        #expect(swiftStringLiteral(#"a\b"#) == #""a\\b""#)
        #expect(swiftStringLiteral(#"\(x)"#) == #""\\(x)""#)
        #expect(swiftStringLiteral(#"""""#) == #""\"\"\"""#)
        #expect(swiftStringLiteral(##""#"##) == ##""\"#""##)
        #expect(swiftStringLiteral("#") == ##""#""##)
        #expect(swiftStringLiteral("a\nb\r\tc") == #""a\nb\r\tc""#)
        #expect(swiftStringLiteral("\u{0}\u{1F}\u{7F}\u{85}") == #""\u{0}\u{1F}\u{7F}\u{85}""#)
        #expect(swiftStringLiteral("\u{202E}\u{200B}\u{2028}\u{A0}") == #""\u{202E}\u{200B}\u{2028}\u{A0}""#)
        #expect(swiftStringLiteral("café 日本 🎉") == "\"café 日本 🎉\"")
        #expect(swiftStringLiteral("\u{301}x") == #""\u{301}x""#)
        #expect(swiftStringLiteral("e\u{301}") == "\"e\u{301}\"")
        #expect(swiftStringLiteral("\n\u{301}") == #""\n\u{301}""#)
    }

    @Test(arguments: hostile)
    func roundTrips(_ text: String) throws {
        let literal = swiftStringLiteral(text)
        let decoded = try #require(Self.decode(literal))
        #expect(decoded == text)
        #expect(decoded.unicodeScalars.elementsEqual(text.unicodeScalars))
    }

    @Test(arguments: hostile)
    func staysOneSafeLine(_ text: String) {
        let literal = swiftStringLiteral(text)
        #expect(literal.hasPrefix("\""))
        #expect(literal.hasSuffix("\""))
        for scalar in literal.unicodeScalars {
            let category = scalar.properties.generalCategory
            #expect(scalar.value >= 0x20 && scalar.value != 0x7F, "raw control character \(scalar.value)")
            #expect(![.control, .format, .lineSeparator, .paragraphSeparator].contains(category))
        }
    }

    /// Decodes a Swift `"..."` literal of the escapes `swiftStringLiteral` uses; `nil` when the text
    /// is not one such literal: a quote that is not escaped before the end, an unknown escape.
    static func decode(_ literal: String) -> String? {
        var scalars = Array(literal.unicodeScalars)
        guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
        scalars = Array(scalars[1..<(scalars.count - 1)])
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\"" { return nil }
            guard scalar == "\\" else {
                result.append(scalar)
                continue
            }
            guard index < scalars.count else { return nil }
            let escape = scalars[index]
            index += 1
            switch escape {
            case "\\": result.append("\\")
            case "\"": result.append("\"")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "u":
                guard index < scalars.count, scalars[index] == "{" else { return nil }
                guard let close = scalars[index...].firstIndex(of: "}") else { return nil }
                var hex = ""
                hex.unicodeScalars.append(contentsOf: scalars[(index + 1)..<close])
                guard (1...8).contains(hex.count), let value = UInt32(hex, radix: 16),
                    let decoded = Unicode.Scalar(value)
                else { return nil }
                result.append(decoded)
                index = close + 1
            default:
                return nil
            }
        }
        return String(result)
    }
}
