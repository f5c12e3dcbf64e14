import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress bar with rate and time left on standard error, for long work: shown only when
/// standard error is a terminal (or `DISCO_PROGRESS=1`; `DISCO_PROGRESS=0` turns it off) and
/// the work is large enough, so piped output gets nothing but results.
final class ProgressBar: @unchecked Sendable {
    /// What is counted.
    enum Unit {
        case events
        case bytes
    }

    /// The environment variable that forces the bar on (`1`) or off (`0`).
    static let environmentVariable = "DISCO_PROGRESS"

    /// Below this many events (or 1 MiB), no bar.
    static let threshold: Int64 = 5_000

    private let unit: Unit
    private let label: String
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private var drawn = false

    private init(unit: Unit, label: String) {
        self.unit = unit
        self.label = label
    }

    /// A bar, or `nil` when progress is not shown.
    static func make(_ label: String, unit: Unit = .events) -> ProgressBar? {
        switch ProcessInfo.processInfo.environment[environmentVariable] {
        case "1": return ProgressBar(unit: unit, label: label)
        case "0": return nil
        default: return isatty(2) == 1 ? ProgressBar(unit: unit, label: label) : nil
        }
    }

    /// Redraws the bar (at most ten times a second) with how much is done of a total.
    func update(_ done: Int64, of total: Int64) {
        let small = unit == .events ? total < Self.threshold : total < 1 << 20
        if small { return }
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        if let lastDrawn, now - lastDrawn < .milliseconds(100), done < total { return }
        lastDrawn = now
        drawn = true
        let elapsed = Double((now - start).components.attoseconds) / 1e18 + Double((now - start).components.seconds)
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let width = 24
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var text = "\r\u{1B}[K\(label) [\(bar)] \(Int(fraction * 100))%  \(amount(done)) of \(amount(total))"
        if elapsed >= 0.2, rate > 0 {
            text += "  \(self.rate(rate))"
            let left = Double(total - done) / rate
            text += "  \(Self.duration(left)) left"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// ``update(_:of:)`` as a closure, for the stores' progress parameters.
    var reporter: @Sendable (Int64, Int64) -> Void {
        { [self] done, total in update(done, of: total) }
    }

    /// Clears the bar's line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    private func amount(_ value: Int64) -> String {
        switch unit {
        case .events: "\(Self.grouped(value)) events"
        case .bytes: String(format: "%.1f MiB", Double(value) / 1_048_576)
        }
    }

    private func rate(_ perSecond: Double) -> String {
        switch unit {
        case .events: "\(Self.grouped(Int64(perSecond))) events/s"
        case .bytes: String(format: "%.1f MiB/s", perSecond / 1_048_576)
        }
    }

    /// `1,000,000`.
    static func grouped(_ value: Int64) -> String {
        let digits = Array(String(value.magnitude))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }

    /// `42 s`, `3 min 5 s`, `2 h 10 min`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        if total < 60 { return "\(total) s" }
        if total < 3_600 { return "\(total / 60) min \(total % 60) s" }
        return "\(total / 3_600) h \(total % 3_600 / 60) min"
    }
}
