import ArgumentParser
import Disco
import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `disco tail`: the last events, and with `--follow` each new one as it is recorded.
struct Tail: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the last events; with --follow, then each new one until Ctrl-C.",
        discussion: "On a JSON-lines store another process is writing, only complete commands are shown."
    )

    @OptionGroup var store: StoreOptions

    @Option(name: [.customShort("n"), .customLong("lines")], help: "How many of the last events to print first.")
    var count = 10

    @Flag(name: [.short, .long], help: "Keep printing new events as they are recorded, until Ctrl-C.")
    var follow = false

    @Flag(help: "One JSON object a line, with the store format's field names.")
    var json = false

    func validate() throws {
        if count < 0 { throw ValidationError("--lines must be 0 or more.") }
    }

    func run() async throws {
        let opened = try await store.openForReading(progress: ProgressBar.make("opening", unit: .bytes))
        let interrupt = follow ? Self.exitOnInterrupt() : nil
        defer { interrupt?.cancel() }
        Output.standard.lineBuffered = follow
        let head = try await opened.store.headPosition()
        let start = max(0, head - Int64(count))
        var buffer: [UInt8] = []
        for event in try await opened.store.readAll(after: start, limit: count) { append(event, to: &buffer) }
        Output.standard.write(buffer)
        guard follow else {
            await opened.close()
            return
        }
        Output.standard.flush()
        for try await event in opened.store.subscribe(after: head) {
            buffer.removeAll(keepingCapacity: true)
            append(event, to: &buffer)
            Output.standard.write(buffer)
        }
        await opened.close()
    }

    private func append(_ event: RecordedEvent, to buffer: inout [UInt8]) {
        if json {
            EventFormat.appendJSON(event, into: &buffer)
        } else {
            EventFormat.appendReadable(event, into: &buffer)
        }
    }

    /// Ctrl-C (and SIGTERM) end a follow with exit code 0, after what was printed is flushed.
    private static func exitOnInterrupt() -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                Output.standard.flush()
                Foundation.exit(0)
            }
            source.resume()
            return source
        }
    }
}

extension [any DispatchSourceSignal] {
    fileprivate func cancel() { forEach { $0.cancel() } }
}
