extension StoreIndex {
    /// The byte ranges of a stream's events after a version, up to `head`: one range per run
    /// of consecutive positions, with its first and last position, so that each run is one read.
    func runs(of stream: StreamID, after version: Int, upTo head: Int64) -> [(Range<Int64>, Int64, Int64)] {
        var runs: [(Range<Int64>, Int64, Int64)] = []
        var runStart: Int64?
        var previous: Int64 = 0
        for position in positions(of: stream, after: version, upTo: head) {
            if let start = runStart, position != previous + 1 {
                runs.append((byteRange(from: start, through: previous), start, previous))
                runStart = position
            } else if runStart == nil {
                runStart = position
            }
            previous = position
        }
        if let start = runStart {
            runs.append((byteRange(from: start, through: previous), start, previous))
        }
        return runs
    }
}
