import Disco
import Foundation

/// A command's or query's form, built from its fields: every rule of the document as the
/// input's type and constraints (`type=number` with `min`/`max`/`step`, `required`,
/// `minlength`/`maxlength`, `pattern`, a `<select>` for a list of choices), defaults
/// prefilled, and the messages of a refused submit beside their fields.
struct ConsoleForm {
    /// Where the form posts to.
    var action: String
    /// The fields, in order.
    var fields: [ConsoleField]
    /// The text each field shows: what was submitted, or the defaults.
    var values: [String: String]
    /// The messages of a refused submit, by field.
    var errors: ValidationErrors
    /// The label of the submit button.
    var submit: String
    /// The id of the command the form submits, when it dispatches one.
    var commandID: UUID?

    /// The texts of the fields' defaults.
    static func defaults(of fields: [ConsoleField]) -> [String: String] {
        var values: [String: String] = [:]
        for field in fields {
            if let value = field.defaultValue { values[field.name] = ValueText.form(value) }
        }
        return values
    }

    /// The texts a form sent, for showing it again.
    static func submitted(_ form: FormValues, fields: [ConsoleField]) -> [String: String] {
        var values: [String: String] = [:]
        for field in fields {
            if let value = form[field.name] { values[field.name] = value }
        }
        return values
    }

    /// The form.
    var html: HTML {
        var hidden = HTML.empty
        if let commandID {
            hidden =
                "<input type=\"hidden\" name=\"\(FormValues.commandIDField)\" value=\"\(commandID.lowercasedText)\">"
        }
        let fieldsHTML = fields.map(field)
        let empty: HTML = fields.isEmpty ? "<p class=\"hint\">No params.</p>" : .empty
        return """
            <form method="post" action="\(action)" class="console-form">
            \(hidden)\(empty)\(fieldsHTML)<button type="submit">\(submit)</button>
            </form>
            """
    }

    private func field(_ field: ConsoleField) -> HTML {
        let id = "input-" + field.name
        let messages = errors[field.name]
        var described = ["hint-" + field.name]
        if !messages.isEmpty { described.append("errors-" + field.name) }
        var attributes = Attributes()
        attributes.add("id", id)
        attributes.add("name", field.name)
        attributes.add("aria-describedby", described.joined(separator: " "))
        if field.isRequired { attributes.add("required") }
        if !messages.isEmpty { attributes.add("aria-invalid", "true") }
        let text = values[field.name] ?? ""
        let control: HTML
        if !field.choices.isEmpty {
            control = select(field, choices: field.choices.map(ValueText.form), selected: text, attributes: attributes)
        } else {
            switch field.kind {
            case .boolean:
                control = select(field, choices: ["true", "false"], selected: text, attributes: attributes)
            case .array:
                if let minItems = field.minItems, minItems > 0 { attributes.add("required") }
                control = "<textarea\(attributes.html) rows=\"3\">\(text)</textarea>"
            case .number, .integer, .string, .other:
                input(field, into: &attributes)
                attributes.add("value", text)
                control = "<input\(attributes.html)>"
            }
        }
        let required: HTML = field.isRequired ? " <span class=\"required\">required</span>" : .empty
        let errorList: HTML =
            messages.isEmpty
            ? .empty
            : "<ul class=\"errors\" id=\"errors-\(field.name)\">\(messages.map { "<li>\($0)</li>" as HTML })</ul>"
        let classes = messages.isEmpty ? "field" : "field invalid"
        return """
            <div class="\(classes)" data-field="\(field.name)">
            <label for="\(id)">\(field.name)\(required)</label>
            \(control)
            <p class="hint" id="hint-\(field.name)">\(Self.hint(field))</p>\(errorList)
            </div>

            """
    }

    /// The type and constraints of an `<input>`.
    private func input(_ field: ConsoleField, into attributes: inout Attributes) {
        switch field.kind {
        case .number, .integer:
            attributes.add("type", "number")
            attributes.add("inputmode", field.kind == .integer ? "numeric" : "decimal")
            attributes.add("step", field.kind == .integer ? "1" : "any")
            if let minimum = field.minimum { attributes.add("min", ValueText.display(minimum)) }
            if field.kind == .integer, field.minimum == nil, let bound = field.exclusiveMinimum?.doubleValue {
                attributes.add("min", String(Int((bound + 1).rounded(.down))))
            }
            if let maximum = field.maximum { attributes.add("max", ValueText.display(maximum)) }
            if field.kind == .integer, field.maximum == nil, let bound = field.exclusiveMaximum?.doubleValue {
                attributes.add("max", String(Int((bound - 1).rounded(.up))))
            }
        default:
            attributes.add("type", "text")
            attributes.add("autocomplete", "off")
            attributes.add("spellcheck", "false")
            if let minLength = field.minLength { attributes.add("minlength", String(minLength)) }
            if let maxLength = field.maxLength { attributes.add("maxlength", String(maxLength)) }
            if let pattern = Self.htmlPattern(field.patterns) { attributes.add("pattern", pattern) }
            switch field.format {
            case "uuid": attributes.add("placeholder", "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
            case "date-time": attributes.add("placeholder", "2026-01-31T12:00:00Z")
            default: break
            }
        }
    }

    private func select(_ field: ConsoleField, choices: [String], selected: String, attributes: Attributes) -> HTML {
        // An empty first choice sends nothing: the default applies, or a required param is
        // reported missing (the browser asks for a choice first, as `required` says).
        let none: HTML = "<option value=\"\"\(Self.selected(selected.isEmpty))>—</option>"
        let options = choices.map { choice -> HTML in
            "<option value=\"\(choice)\"\(Self.selected(choice == selected))>\(choice)</option>"
        }
        return "<select\(attributes.html)>\(none)\(options)</select>"
    }

    private static func selected(_ isSelected: Bool) -> HTML {
        isSelected ? " selected" : .empty
    }

    /// What the field takes, in words: its type, bounds, choices and default.
    static func hint(_ field: ConsoleField) -> String {
        var parts: [String] = []
        switch (field.kind, field.format) {
        case (.string, "uuid"?): parts.append("UUID")
        case (.string, "date-time"?): parts.append("date and time (ISO 8601)")
        case (.string, _): parts.append("text")
        case (.number, _): parts.append("number")
        case (.integer, _): parts.append("whole number")
        case (.boolean, _): parts.append("true or false")
        case (.array, _): parts.append("list, one item a line")
        case (.other, _): parts.append("value")
        }
        if let minimum = field.minimum { parts.append("≥ " + ValueText.display(minimum)) }
        if let bound = field.exclusiveMinimum { parts.append("> " + ValueText.display(bound)) }
        if let maximum = field.maximum { parts.append("≤ " + ValueText.display(maximum)) }
        if let bound = field.exclusiveMaximum { parts.append("< " + ValueText.display(bound)) }
        switch (field.minLength, field.maxLength) {
        case (let low?, let high?): parts.append("\(low) to \(high) characters")
        case (let low?, nil) where low > 1: parts.append("at least \(low) characters")
        case (nil, let high?): parts.append("at most \(high) characters")
        default: break
        }
        if let maxItems = field.maxItems { parts.append("at most \(maxItems) items") }
        for pattern in field.patterns where pattern != "\\S" { parts.append("matches \(pattern)") }
        if let value = field.defaultValue { parts.append("default " + ValueText.display(value)) }
        if let description = field.description { parts.append(description) }
        return parts.joined(separator: " · ")
    }

    /// The `pattern` attribute for JSON Schema patterns. A browser matches the attribute
    /// against the whole value, and a JSON Schema pattern anywhere in it, so each pattern
    /// becomes a lookahead that may match anywhere; a single anchored pattern stays as it is.
    static func htmlPattern(_ patterns: [String]) -> String? {
        guard !patterns.isEmpty else { return nil }
        if patterns.count == 1, let pattern = patterns.first, pattern.hasPrefix("^"), pattern.hasSuffix("$"),
            !pattern.hasSuffix("\\$")
        {
            return pattern
        }
        return patterns.map { "(?=[\\s\\S]*(?:\($0)))" }.joined() + "[\\s\\S]*"
    }
}

/// The attributes of an element, each value escaped.
private struct Attributes {
    private var pairs: [(name: String, value: String?)] = []

    mutating func add(_ name: String, _ value: String? = nil) {
        if let index = pairs.firstIndex(where: { $0.name == name }) { pairs.remove(at: index) }
        pairs.append((name, value))
    }

    var html: HTML {
        HTML(
            joining: pairs.map { pair -> HTML in
                guard let value = pair.value else { return " \(pair.name)" }
                return " \(pair.name)=\"\(value)\""
            }
        )
    }
}
