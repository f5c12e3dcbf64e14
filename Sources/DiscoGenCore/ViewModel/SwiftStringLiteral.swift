/// The Swift source of a plain `"..."` string literal whose value is exactly `text`.
///
/// Whatever `text` holds (quotes, backslashes, `\(`, `"""`, `#`, newlines, control or invisible
/// characters), the result is one single-line literal that cannot end early or interpolate:
/// `\` becomes `\\`, `"` becomes `\"`, newline, carriage return and tab become `\n`, `\r` and `\t`,
/// and every other control, format (e.g. bidirectional overrides, zero-width spaces), separator,
/// private-use or unassigned scalar becomes `\u{X}` (uppercase hex). A combining mark is also escaped
/// where it would otherwise attach to the opening quote or to an escape. Other non-ASCII text is kept
/// as is, so messages and descriptions stay readable in the generated source.
public func swiftStringLiteral(_ text: String) -> String {
    var result = "\""
    var previousWasEscape = true  // the opening quote counts: nothing may combine with it
    for scalar in text.unicodeScalars {
        let escape = swiftStringEscape(scalar, afterEscape: previousWasEscape)
        if let escape {
            result += escape
        } else {
            result.unicodeScalars.append(scalar)
        }
        previousWasEscape = escape != nil
    }
    result += "\""
    return result
}

/// The escape sequence for `scalar` in a Swift string literal, or `nil` when it can be written as is.
private func swiftStringEscape(_ scalar: Unicode.Scalar, afterEscape: Bool) -> String? {
    switch scalar {
    case "\\": return "\\\\"
    case "\"": return "\\\""
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    default: break
    }
    if scalar.isASCII {
        return scalar.value < 0x20 || scalar.value == 0x7F ? unicodeEscape(scalar) : nil
    }
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator,
        .surrogate, .privateUse, .unassigned:
        return unicodeEscape(scalar)
    case .nonspacingMark, .spacingMark, .enclosingMark:
        return afterEscape ? unicodeEscape(scalar) : nil
    default:
        return nil
    }
}

/// `\u{X}` for a scalar.
func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
    "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
}
