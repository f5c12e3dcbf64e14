extension SpecCheckRun {
    /// Checks an event's upcast steps: one for each older version, without gaps, each filling
    /// every field of the next version by carrying it over or from `with`.
    ///
    /// Steps are needed from version 1, or with a lock from the lowest version it records of the
    /// event (under its name or a former one); an event the lock does not record needs none.
    mutating func checkUpcast(_ event: EventSpec) -> [CheckedUpcastStep] {
        let what = "event '\(event.name.value)'"
        let lowestVersion =
            lock.map { $0.lowestVersion(of: [event.name.value] + event.renamedFrom.map(\.value)) ?? event.version } ?? 1
        let current = event.version
        var stepsByVersion: [Int: UpcastStepSpec] = [:]
        var previous: Int?
        for step in event.upcast {
            guard let from = step.from else { continue }
            if from.value < 1 || from.value >= current {
                let range =
                    current <= 1
                    ? "\(what) is at version \(current), so it has no older versions; remove the step or raise 'version'"
                    : "\(what) is at version \(current), so its steps go from version 1 to \(current - 1)"
                diagnostics.error("there is no upcast step from version \(from.value): \(range)", at: from.location)
                continue
            }
            if stepsByVersion[from.value] != nil {
                diagnostics.error(
                    "\(what) has a second upcast step from version \(from.value); each version has one step",
                    at: from.location
                )
                continue
            }
            if let previous, from.value < previous {
                diagnostics.error(
                    "the upcast steps of \(what) must be in ascending order: the step from version \(from.value) comes after the step from version \(previous)",
                    at: from.location
                )
            }
            previous = from.value
            stepsByVersion[from.value] = step
            checkFields(step.fields, of: "the fields of version \(from.value) of \(what)")
        }
        let newest = max(current, 1)
        for version in min(max(lowestVersion, 1), newest)..<newest where stepsByVersion[version] == nil {
            diagnostics.error(
                "\(what) is at version \(current) but has no upcast step from version \(version); add `- from: \(version)` to 'upcast', with the fields of version \(version) and `with:` for what version \(version + 1) needs; or, once no store holds version \(version) (Docs/Evolution.md), run `disco-gen retire`",
                at: event.versionLocation ?? event.name.location
            )
        }
        return stepsByVersion.keys.sorted().compactMap { from in
            guard let step = stepsByVersion[from] else { return nil }
            let next = from + 1 == current ? event.fields : stepsByVersion[from + 1]?.fields
            return checkStep(step, from: from, next: next, of: what)
        }
    }

    /// Checks one step; `next` is the next version's fields, `nil` when unknown (its step is missing).
    private mutating func checkStep(
        _ step: UpcastStepSpec,
        from: Int,
        next: [FieldSpec]?,
        of what: String
    ) -> CheckedUpcastStep? {
        let location = step.from?.location ?? step.location
        let checked = CheckedUpcastStep(
            from: from,
            fields: step.fields,
            changes: [],
            isHandwritten: step.swiftHandler != nil,
            location: location
        )
        if step.swiftHandler != nil {
            if let withLocation = step.withLocation {
                diagnostics.error(
                    "the upcast step from version \(from) of \(what) has 'handler: swift', so it is written in Swift; remove 'with'",
                    at: withLocation
                )
            }
            return checked
        }
        guard let next else { return nil }
        let version = "version \(from + 1) of \(what)"
        let nextTypes = Dictionary(next.map { ($0.name.value, $0.type.value) }, uniquingKeysWith: { first, _ in first })
        for assignment in step.with where nextTypes[assignment.field.value] == nil {
            diagnostics.error(
                "\(version) has no field '\(assignment.field.value)', so `with:` cannot fill it\(Suggestion.hint(for: assignment.field.value, in: nextTypes.keys))",
                at: assignment.field.location
            )
        }
        var names: [String: ExpressionScope.Binding] = [:]
        for field in step.fields where names[field.name.value] == nil {
            names[field.name.value] = .init(type: field.type.value, reference: .eventField(field.name.value))
        }
        let scope = ExpressionScope(
            names: names,
            unavailableStateReason: "an upcast step reads only the recorded event's fields, not the aggregate's state",
            unavailableNowReason:
                "an upcast step must give the same payload every time the event is read, so it cannot read the time; give the field a fixed value"
        )
        var changes: [CheckedUpcastStep.Change] = []
        for field in next {
            let name = field.name.value
            if let assignment = step.with.first(where: { $0.field.value == name }) {
                if let value = expression(assignment.expression, in: scope, expecting: field.type.value) {
                    changes.append(.set(field: name, value: value))
                }
            } else if let recorded = step.fields.first(where: { $0.name.value == name }) {
                if recorded.type.value != field.type.value {
                    diagnostics.error(
                        "the field '\(name)' is \(recorded.type.value) in version \(from) but \(field.type.value) in \(version); convert it with `with: { \(name): ... }`",
                        at: recorded.type.location
                    )
                }
            } else {
                let renamed =
                    Suggestion.closest(to: name, in: step.fields.map(\.name.value))
                    .map { "; if it is '\($0)' renamed, write `with: { \(name): \($0) }`" } ?? ""
                diagnostics.error(
                    "the upcast step from version \(from) of \(what) cannot fill the field '\(name)' (\(field.type.value)) of version \(from + 1): version \(from) has no such field; give it with `with: { \(name): ... }`\(renamed)",
                    at: location
                )
            }
        }
        for field in step.fields where nextTypes[field.name.value] == nil {
            changes.append(.drop(field: field.name.value))
        }
        var result = checked
        result.changes = changes
        return result
    }

    /// Checks `renamed_from`: each former name is snake_case, is not the name of a live event,
    /// and belongs to one event only.
    mutating func checkRenames() {
        let live = Set(spec.events.map(\.name.value))
        var claimed: [String: String] = [:]
        for event in spec.events {
            for name in event.renamedFrom {
                let what = "'\(name.value)' in 'renamed_from' of event '\(event.name.value)'"
                if !Naming.isSnakeCase(name.value) {
                    diagnostics.error("\(what) must be snake_case, like 'money_deposited'", at: name.location)
                } else if name.value == event.name.value {
                    diagnostics.error("\(what) is the event's own name; remove it", at: name.location)
                } else if live.contains(name.value) {
                    diagnostics.error(
                        "\(what) is the name of another event of this spec; recorded '\(name.value)' events would decode as two events. Rename that event first, or remove '\(name.value)' here",
                        at: name.location
                    )
                } else if let other = claimed[name.value] {
                    diagnostics.error(
                        "\(what) is already a former name of event '\(other)'; recorded '\(name.value)' events can decode as one event only",
                        at: name.location
                    )
                } else {
                    claimed[name.value] = event.name.value
                }
            }
        }
    }
}
