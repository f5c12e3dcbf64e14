import Disco

/// States and events as the console shows them: tables of fields, with links to streams.
enum StateView {
    /// A state: its id (a link to its stream), its version and every field.
    static func table(_ state: AggregateState) -> HTML {
        let stream = StreamID(aggregate: state.aggregate, id: state.id)
        let rows = state.fields.filter { $0.key != "id" }.map { field -> HTML in
            "<tr><th>\(field.key)</th><td>\(ValueText.display(field.value))</td></tr>"
        }
        return """
            <div class="scroll"><table class="state">
            <tr><th>id</th><td><a href="\(ConsolePaths.stream(stream))">\(state.id.lowercasedText)</a></td></tr>
            <tr><th>version</th><td>\(state.version)</td></tr>
            \(rows)</table></div>
            """
    }

    /// A recorded event: type, stream and version, position and time, payload.
    static func event(_ event: RecordedEvent, linkStream: Bool) -> HTML {
        let stream: HTML =
            linkStream
            ? " <a href=\"\(ConsolePaths.stream(event.stream))\">\(event.stream.description) v\(event.version)</a>"
            : " v\(event.version)"
        return """
            <li><strong>\(event.eventType)</strong>\(stream)
            <div class="meta">#\(event.position) · \(ISO8601.string(from: event.recordedAt))</div>
            <code>\(ValueText.json(event.payload))</code></li>

            """
    }
}
