/// What reading `events.jsonl` from start to end found: the index of its valid commands, and
/// the torn tail after them, if any.
struct StoreScan: Sendable {
    /// Every event of every complete command.
    var index: StoreIndex
    /// The file's size when it was read.
    var fileSize: Int64
    /// How many lines the file has, partial last line included.
    var lineCount: Int
    /// How many distinct streams the valid events belong to.
    var streamCount: Int { index.streams.count }
    /// The torn tail to cut, as a report without a saved copy.
    var tornTail: JSONLinesEventStore.TornTail?
    /// How many lines the file has up to the end of its last complete command.
    var indexedLineCount: Int = 0
}
