// disco-crash-writer: appends commands to a JSON-lines store until it is killed.
//
// Usage: disco-crash-writer <store folder> [writers]
//
// Prints `ready <head> <torn tail bytes cut>` once the store is open, then one line per
// acknowledged command, flushed before the next: `ack <command id> <stream id> <first
// position> <event count>`. The crash test kills it with SIGKILL at random instants and
// checks the store against what was acknowledged. Each event's payload carries the
// command's event count so that a half-recorded command can be recognised.

import Disco
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: disco-crash-writer <store folder> [writers]\n".utf8))
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1])
let writers = arguments.count >= 3 ? max(1, Int(arguments[2]) ?? 4) : 4

/// Writes a line to standard output and flushes it, so that what was printed before a kill
/// is in the pipe.
func emit(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    var written = 0
    while written < bytes.count {
        let result = bytes[written...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        if result <= 0 { exit(3) }
        written += result
    }
}

let output = OutputLock()

/// A lock for printing acknowledgements whole.
final class OutputLock: @unchecked Sendable {
    private let lock = NSLock()
    func run(_ body: () -> Void) {
        lock.lock()
        body()
        lock.unlock()
    }
}

do {
    let store = try await JSONLinesEventStore.open(directory: directory)
    emit("ready \(try await store.headPosition()) \(store.recovery?.byteCount ?? 0)")
    let streams = (0..<16).map { _ in StreamID(aggregate: "CrashTest", id: UUID()) }
    try await withThrowingTaskGroup(of: Void.self) { group in
        for writer in 0..<writers {
            group.addTask {
                var counter = 0
                while true {
                    counter += 1
                    let count = 1 + (counter + writer) % 3
                    let commandID = UUID()
                    let events = (0..<count).map { index in
                        ProposedEvent(
                            eventType: "crash_tested",
                            commandID: commandID,
                            correlationID: commandID,
                            payload: [
                                "events_in_command": .int(count), "index": .int(index), "writer": .int(writer),
                                "filler": .string(String(repeating: "x", count: 100 + (counter % 7) * 40)),
                            ]
                        )
                    }
                    let stream = streams[(counter * 7 + writer) % streams.count]
                    let recorded = try await store.append(events, to: stream, expectedVersion: .any)
                    let line = "ack \(commandID.uuidString.lowercased()) \(stream.id.uuidString.lowercased()) \(recorded[0].position) \(count)"
                    output.run { emit(line) }
                }
            }
        }
        try await group.waitForAll()
    }
} catch {
    FileHandle.standardError.write(Data("disco-crash-writer: \(error)\n".utf8))
    exit(1)
}
