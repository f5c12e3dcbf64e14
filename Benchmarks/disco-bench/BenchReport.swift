import Disco
import Foundation

/// Prints one JSON object per measurement on standard output.
enum BenchReport {
    /// Prints a measurement: its name, figures, and when there is a target, whether it is met.
    static func emit(_ name: String, _ fields: Params) {
        var object: Params = ["measurement": .string(name)]
        for (key, value) in fields { object[key] = value }
        let text = (try? JSON.encode(object)).map { String(decoding: $0, as: UTF8.self) } ?? #"{"error":"unencodable"}"#
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// The process's resident memory now and at its peak, in MiB, from `/proc/self/status`.
    static func memory() -> (resident: Double, peak: Double)? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        func kibibytes(_ key: String) -> Double? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return nil }
            return line.split(separator: " ").dropFirst().first.flatMap { Double($0) }
        }
        guard let rss = kibibytes("VmRSS"), let hwm = kibibytes("VmHWM") else { return nil }
        return (rss / 1024, hwm / 1024)
    }

    /// The CPU time the process has used, all threads, in seconds: a figure that a busy
    /// machine disturbs less than wall time.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Seconds taken by `body`.
    static func time<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let start = ContinuousClock.now
        let result = try await body()
        let elapsed = ContinuousClock.now - start
        return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// A value rounded for reading.
    static func round(_ value: Double, _ digits: Int = 3) -> Value {
        let scale = pow(10, Double(digits))
        return .double((value * scale).rounded() / scale)
    }
}
