extension RecordedEvent {
    /// The event read through `aggregate`'s generated code: a former type name (`renamed_from`)
    /// and an older schema version are carried forward by the spec's upcast steps.
    ///
    /// ```swift
    /// if case .fundsDeposited(let deposit) = try event.decoded(as: BankAccount.self) { … }
    /// ```
    ///
    /// - Throws: ``EventDecodingError``: the payload does not fit, the type is unknown, or the
    ///   event was recorded at a newer version than this build knows.
    public func decoded<A: Aggregate>(as aggregate: A.Type) throws(EventDecodingError) -> A.Event {
        try A.Event(eventType: eventType, schemaVersion: schemaVersion, payload: payload)
    }

    /// The event as `aggregate`'s current code would record it: its current type name,
    /// schema version and payload. Everything else (position, stream, version, ids, time and
    /// metadata) is kept. The store is not touched: this is how consumers and copies see old
    /// events in today's shape.
    /// - Throws: ``EventDecodingError``, as ``decoded(as:)``.
    public func upcast<A: Aggregate>(as aggregate: A.Type) throws(EventDecodingError) -> RecordedEvent {
        let current = try decoded(as: aggregate)
        var event = self
        event.eventType = current.eventType
        event.schemaVersion = current.schemaVersion
        event.payload = current.payload
        return event
    }
}

extension EventDecodingError {
    /// The error as a store failure that says where the event is.
    func storeError(at event: RecordedEvent) -> EventStoreError {
        EventStoreError(
            isNewerVersion ? .newerSchemaVersion : isRetiredVersion ? .retiredSchemaVersion : .corrupted,
            "cannot decode event '\(eventType)' (version \(event.schemaVersion)) at position \(event.position), "
                + "stream \(event.stream): \(reason)"
        )
    }
}
