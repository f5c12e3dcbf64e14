import Yams

extension YAMLNodeReader {
    static let upcastStepKeys = ["from", "fields", "with", "handler"]

    /// An event's `upcast`: a list of steps, each `{ from, fields, with }` or `{ from, fields, handler: swift }`.
    mutating func upcastSteps(_ node: Node, of what: String) -> [UpcastStepSpec] {
        guard let items = sequence(node, "'upcast' of \(what)") else { return [] }
        return items.compactMap { item in
            let place = "an upcast step of \(what)"
            guard let entries = mapping(item, place) else { return nil }
            let itemLocation = location(of: item)
            checkKeys(entries, allowed: Self.upcastStepKeys, required: ["from", "fields"], in: place, at: itemLocation)
            var step = UpcastStepSpec(location: itemLocation)
            for (key, value) in entries {
                switch key.value {
                case "from": step.from = int(value, "'from' of \(place)").map { Located($0, at: location(of: value)) }
                case "fields":
                    step.fields = fields(value, "the fields of \(place)")
                    step.fieldsLocation = key.location
                case "with":
                    step.with = assignments(value, "'with' of \(place)")
                    step.withLocation = key.location
                case "handler":
                    guard let handler = locatedText(value, "'handler' of \(place)") else { continue }
                    if handler.value == "swift" {
                        step.swiftHandler = key.location
                    } else {
                        diagnostics.error(
                            "'handler' can only be 'swift', found '\(handler.value)'",
                            at: handler.location
                        )
                    }
                default: continue
                }
            }
            return step
        }
    }

    /// An event's `renamed_from`: one former name or a list of them.
    mutating func renamedFrom(_ node: Node, of what: String) -> [Located<String>] {
        if case .scalar = node {
            return locatedText(node, "'renamed_from' of \(what)").map { [$0] } ?? []
        }
        guard let items = sequence(node, "'renamed_from' of \(what)") else { return [] }
        return items.compactMap { locatedText($0, "a former name of \(what)") }
    }
}
