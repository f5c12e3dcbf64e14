import Mustache

// Template lookups by name, so rendering does not reflect on every key (Mirror made
// rendering 50 specs take a second). `ViewModelLookupTests` checks that every stored
// property is reachable here.

extension AggregateViewModel: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "sourceFile": sourceFile
        case "access": access
        case "aggregateType": aggregateType
        case "displayName": displayName
        case "documentation": documentation
        case "aggregateNameLiteral": aggregateNameLiteral
        case "commandNamesLiteral": commandNamesLiteral
        case "queryNamesLiteral": queryNamesLiteral
        case "stateFields": stateFields
        case "numberStateFields": numberStateFields
        case "hasNumberStateFields": hasNumberStateFields
        case "snapshotSchemaLiteral": snapshotSchemaLiteral
        case "snapshotLabelLiteral": snapshotLabelLiteral
        case "commands": commands
        case "executeUsesState": executeUsesState
        case "handwrittenCommands": handwrittenCommands
        case "hasHandwrittenCommands": hasHandwrittenCommands
        case "events": events
        case "applyUsesState": applyUsesState
        case "queries": queries
        case "handwrittenSteps": handwrittenSteps
        case "hasHandwrittenSteps": hasHandwrittenSteps
        default: nil
        }
    }
}

extension FieldViewModel: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "identifier": identifier
        case "label": label
        case "keyLiteral": keyLiteral
        case "swiftType": swiftType
        case "initialValue": initialValue
        case "isLast": isLast
        case "isOptional": isOptional
        default: nil
        }
    }
}

extension MappedLine: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "directive": directive
        case "swift": swift
        default: nil
        }
    }
}

extension ListItem: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "text": text
        case "isLast": isLast
        default: nil
        }
    }
}

extension ParamReadViewModel: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "identifier": identifier
        case "method": method
        case "inlineArguments": inlineArguments
        case "arguments": arguments
        default: nil
        }
    }
}

extension ParamsViewModel: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "readerKeyword": readerKeyword
        case "declaredLiteral": declaredLiteral
        case "reads": reads
        case "guardBindings": guardBindings
        case "initArguments": initArguments
        case "checks": checks
        case "hasChecks": hasChecks
        default: nil
        }
    }
}

extension CommandViewModel: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "caseName": caseName
        case "typeName": typeName
        case "summary": summary
        case "creates": creates
        case "properties": properties
        case "initParameters": initParameters
        case "params": params
        case "rules": rules
        case "hasRules": hasRules
        case "binding": binding
        case "directEmits": directEmits
        case "emits": emits
        case "isHandwritten": isHandwritten
        default: nil
        }
    }
}

extension RuleViewModel: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "check": check
        case "messageLiteral": messageLiteral
        case "fieldLiteral": fieldLiteral
        default: nil
        }
    }
}

extension EmitViewModel: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "event": event
        case "condition": condition
        default: nil
        }
    }
}

extension EventViewModel: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "caseName": caseName
        case "typeName": typeName
        case "schemaVersion": schemaVersion
        case "fields": fields
        case "hasFields": hasFields
        case "initParameters": initParameters
        case "binding": binding
        case "applies": applies
        case "hasApplies": hasApplies
        case "casePatterns": casePatterns
        case "steps": steps
        case "hasSteps": hasSteps
        case "generatedSteps": generatedSteps
        case "oldestVersion": oldestVersion
        case "hasRetiredVersions": hasRetiredVersions
        default: nil
        }
    }
}

extension QueryViewModel: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "caseName": caseName
        case "typeName": typeName
        case "returns": returns
        case "isOne": isOne
        case "properties": properties
        case "hasProperties": hasProperties
        case "initParameters": initParameters
        case "params": params
        case "condition": condition
        case "index": index
        default: nil
        }
    }
}

extension IndexViewModel: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "fieldLiteral": fieldLiteral
        case "value": value
        default: nil
        }
    }
}

extension UpcastStepViewModel: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "from": from
        case "next": next
        case "eventName": eventName
        case "recordedFields": recordedFields
        case "call": call
        case "requirementName": requirementName
        case "readsFields": readsFields
        case "sets": sets
        case "hasSets": hasSets
        case "drops": drops
        case "hasChanges": hasChanges
        case "isHandwritten": isHandwritten
        default: nil
        }
    }
}
