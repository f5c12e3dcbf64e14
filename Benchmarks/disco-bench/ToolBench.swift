import Foundation

/// The `disco` tool on a large JSON-lines store (issue 15's speed targets): `disco info`
/// after a clean close, and `disco events --json` streamed to /dev/null. It runs the `disco`
/// executable built beside `disco-bench` (build both: `swift build -c release --product disco
/// --product disco-bench`), as a person would, and times each run from start to exit.
enum ToolBench {
    static func run(store: URL, events: Int) throws {
        let bin = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let disco = bin.appendingPathComponent("disco")
        guard FileManager.default.isExecutableFile(atPath: disco.path) else {
            throw BenchError("no disco executable beside disco-bench at \(disco.path); build it: swift build -c release --product disco")
        }
        var infoRuns: [Double] = []
        for _ in 0..<5 {
            infoRuns.append(try time(disco, ["info", "--store", store.path]))
        }
        infoRuns.sort()
        BenchReport.emit(
            "tool_info",
            [
                "events": .int(events), "runs": .int(infoRuns.count),
                "median_s": BenchReport.round(infoRuns[infoRuns.count / 2]),
                "max_s": BenchReport.round(infoRuns[infoRuns.count - 1]),
                "target": "<= 0.5 s", "met": .bool(infoRuns[infoRuns.count / 2] <= 0.5),
            ]
        )
        var rates: [Double] = []
        for _ in 0..<3 {
            let seconds = try time(disco, ["events", "--json", "--store", store.path])
            rates.append(Double(events) / seconds)
        }
        rates.sort()
        BenchReport.emit(
            "tool_events_json",
            [
                "events": .int(events), "runs": .int(rates.count),
                "median_events_per_s": BenchReport.round(rates[rates.count / 2], 0),
                "min_events_per_s": BenchReport.round(rates[0], 0),
                "target": ">= 200000 events/s to /dev/null", "met": .bool(rates[rates.count / 2] >= 200_000),
            ]
        )
    }

    /// Runs the tool with its output to /dev/null; the seconds from launch to exit.
    private static func time(_ executable: URL, _ arguments: [String]) throws -> Double {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle.standardError
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        process.waitUntilExit()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard process.terminationStatus == 0 else {
            throw BenchError("disco \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return seconds
    }
}

/// A reason a benchmark phase cannot run.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
