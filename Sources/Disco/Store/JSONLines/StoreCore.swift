import Dispatch
import Foundation
import Synchronization

/// The open store behind ``JSONLinesEventStore``: the index, the queue of appends waiting to
/// be written, and their group commit.
///
/// Appends assign positions and versions under one lock, in the order they arrive, and add
/// their lines to the pending buffer. Whoever writes takes the whole buffer, writes it with
/// one `write`, syncs once as the durability policy says, and only then makes the events
/// visible to readers and resumes the appending tasks. An append that finds nobody writing
/// writes and syncs itself (it leads), so a lone caller has no thread hand-off between its
/// append and its sync; appends that arrive while a write is under way wait, and the writer
/// thread writes them all together once it ends (group commit). With `.batched` durability
/// the writer thread writes everything, since it also keeps the sync timer. A failed write
/// or sync stops the store: every waiting and later append fails, because the file's end
/// is no longer known.
final class StoreCore: Sendable {
    struct Waiter {
        var continuation: CheckedContinuation<[RecordedEvent], any Error>
        var events: [RecordedEvent]
    }

    struct State: ~Copyable {
        var index: StoreIndex
        /// The last position written (and synced, as the policy says): what readers see.
        var committedHead: Int64
        /// Where the next line lands in the file.
        var nextOffset: Int64
        var pending: [UInt8] = []
        var waiters: [Waiter] = []
        var writerIdle = false
        /// Whether a leading append or the writer thread is writing now.
        var writing = false
        /// The file's identity after the last write, for the checkpoint at close.
        var identity: [Int64]?
        var closing = false
        var writerExited = false
        var closeWaiters: [CheckedContinuation<Void, Never>] = []
        var failure: EventStoreError?

        /// Takes every pending line and the appends waiting for them.
        mutating func takeBatch() -> Batch {
            let bytes = pending
            pending = []
            pending.reserveCapacity(bytes.count)
            let taken = waiters
            waiters = []
            return Batch(bytes: bytes, waiters: taken, head: index.head)
        }

        /// Adds the line of the next event to the pending buffer and the index.
        mutating func appendLine(
            _ pieces: EventLineEncoder.Pieces,
            position: Int64,
            stream: StreamID,
            version: Int,
            commandID: UUID,
            recordedAt: Date
        ) {
            let start = nextOffset
            let before = pending.count
            EventLineEncoder.appendLine(
                pieces,
                position: position,
                version: version,
                recordedAt: recordedAt,
                into: &pending
            )
            nextOffset += Int64(pending.count - before)
            index.add(stream: stream, commandID: commandID, start: start, end: nextOffset)
        }
    }

    let file: StoreFile
    let signal: HeadSignal
    private let lock: StoreLock
    private let durability: JSONLinesEventStore.Durability
    private let checkpointPath: String?
    /// The file's identity when the store opened it.
    private let openedIdentity: [Int64]?
    private let wakeup = DispatchSemaphore(value: 0)
    private let state: Mutex<State>

    /// A core over an open, scanned file whose lock is held; call ``startWriter()`` next.
    init(
        file: StoreFile,
        lock: StoreLock,
        index: StoreIndex,
        endOffset: Int64,
        durability: JSONLinesEventStore.Durability,
        checkpointPath: String? = nil
    ) {
        self.file = file
        self.checkpointPath = checkpointPath
        self.openedIdentity = try? file.identity()
        self.lock = lock
        self.durability = durability
        self.signal = HeadSignal(head: index.head)
        var initial = State(index: index, committedHead: index.head, nextOffset: endOffset)
        initial.identity = openedIdentity
        self.state = Mutex(initial)
    }

    /// Starts the writer thread.
    func startWriter() {
        let thread = Thread { [self] in runWriter() }
        thread.name = "disco.jsonl-writer"
        thread.start()
    }

    // MARK: Appending

    func append(
        _ events: [ProposedEvent],
        to stream: StreamID,
        expectedVersion: ExpectedVersion
    ) async throws -> [RecordedEvent] {
        let pieces = try EventLineEncoder.pieces(of: events, stream: stream)
        let recordedAt = UTCTimestamp.truncatedToMilliseconds(Date())
        return try await enqueue { state throws(EventStoreError) in
            let current = state.index.version(of: stream)
            guard expectedVersion.isSatisfied(by: current) else {
                throw .wrongExpectedVersion(stream: stream, expected: expectedVersion, actual: current)
            }
            var recorded: [RecordedEvent] = []
            recorded.reserveCapacity(events.count)
            for (offset, event) in events.enumerated() {
                let position = state.index.head + 1
                let version = current + offset + 1
                state.appendLine(
                    pieces[offset],
                    position: position,
                    stream: stream,
                    version: version,
                    commandID: event.commandID,
                    recordedAt: recordedAt
                )
                recorded.append(
                    RecordedEvent(event, position: position, stream: stream, version: version, recordedAt: recordedAt)
                )
            }
            return recorded
        }
    }

    /// Adds lines to the pending buffer under the lock, with `add` deciding what they are, and
    /// waits until the writer has written (and synced) them. `add` throws to refuse, before
    /// it adds anything.
    func enqueue(
        _ add: (inout State) throws(EventStoreError) -> [RecordedEvent]
    ) async throws -> [RecordedEvent] {
        let leads = durability.appendsLead
        return try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<[RecordedEvent], any Error>) in
            let (outcome, role) = state.withLock { state -> (Result<[RecordedEvent], EventStoreError>?, Role) in
                if let failure = state.failure { return (.failure(failure), .wait) }
                if state.closing { return (.failure(Self.closedError), .wait) }
                let recorded: [RecordedEvent]
                do throws(EventStoreError) {
                    recorded = try add(&state)
                } catch {
                    return (.failure(error), .wait)
                }
                guard !recorded.isEmpty else { return (.success([]), .wait) }
                state.waiters.append(Waiter(continuation: continuation, events: recorded))
                if leads, !state.writing {
                    state.writing = true
                    return (nil, .lead(state.takeBatch()))
                }
                guard state.writerIdle, !state.writing else { return (nil, .wait) }
                state.writerIdle = false
                return (nil, .wakeWriter)
            }
            if let outcome {
                continuation.resume(with: outcome.mapError { $0 as any Error })
                return
            }
            switch role {
            case .wait: break
            case .wakeWriter: wakeup.signal()
            case .lead(let batch):
                commit(batch)
                // Appends that came meanwhile, and a close, go to the writer thread.
                let wake = state.withLock { state -> Bool in
                    state.writing = false
                    guard state.writerIdle, !state.waiters.isEmpty || state.closing else { return false }
                    state.writerIdle = false
                    return true
                }
                if wake { wakeup.signal() }
            }
        }
    }

    /// What an append does after adding its lines.
    private enum Role {
        case wait
        case wakeWriter
        case lead(Batch)
    }

    // MARK: Reading

    /// The position of the last event readers can see.
    func headPosition() throws(EventStoreError) -> Int64 {
        try state.withLock { state throws(EventStoreError) in
            if state.writerExited { throw Self.closedError }
            return state.committedHead
        }
    }

    func readAll(after position: Int64, limit: Int) throws(EventStoreError) -> [RecordedEvent] {
        let plan = try state.withLock { state throws(EventStoreError) -> (Range<Int64>, Int64, Int64)? in
            if state.writerExited { throw Self.closedError }
            let head = state.committedHead
            let after = Swift.max(position, 0)
            guard after < head, limit > 0 else { return nil }
            let last = Int64(limit) >= head - after ? head : after + Int64(limit)
            return (state.index.byteRange(from: after + 1, through: last), after + 1, last)
        }
        guard let (range, first, last) = plan else { return [] }
        return try Self.decodeRun(file, range, first: first, last: last, stream: nil)
    }

    func streams() throws(EventStoreError) -> [StreamSummary] {
        try state.withLock { state throws(EventStoreError) in
            if state.writerExited { throw Self.closedError }
            return state.index.summaries(upTo: state.committedHead)
        }
    }

    func commands(after position: Int64) throws(EventStoreError) -> [RecordedCommand] {
        try state.withLock { state throws(EventStoreError) in
            if state.writerExited { throw Self.closedError }
            return state.index.commands(after: position, upTo: state.committedHead)
        }
    }

    func read(stream: StreamID, after version: Int) throws(EventStoreError) -> [RecordedEvent] {
        let runs = try state.withLock { state throws(EventStoreError) -> [(Range<Int64>, Int64, Int64)] in
            if state.writerExited { throw Self.closedError }
            return state.index.runs(of: stream, after: version, upTo: state.committedHead)
        }
        var events: [RecordedEvent] = []
        for (range, first, last) in runs {
            events.append(contentsOf: try Self.decodeRun(file, range, first: first, last: last, stream: stream))
        }
        return events
    }

    /// Reads and decodes the lines of consecutive positions.
    static func decodeRun(
        _ file: StoreFile,
        _ range: Range<Int64>,
        first: Int64,
        last: Int64,
        stream: StreamID?
    ) throws(EventStoreError) -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        events.reserveCapacity(Int(last - first + 1))
        try visitRun(file, range, first: first, last: last, stream: stream) { event, _ in events.append(event) }
        return events
    }

    /// Decodes the lines of a run in order, handing each event to `visit` with its line as
    /// recorded (without the newline).
    static func visitRun(
        _ file: StoreFile,
        _ range: Range<Int64>,
        first: Int64,
        last: Int64,
        stream: StreamID?,
        _ visit: (RecordedEvent, UnsafeBufferPointer<UInt8>) -> Void
    ) throws(EventStoreError) {
        let bytes = try file.read(offset: range.lowerBound, count: Int(range.count))
        let path = file.path
        let outcome = bytes.withUnsafeBufferPointer { buffer -> EventStoreError? in
            var start = 0
            var expected = first
            while start < buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != 0x0A { end += 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
                let lineOffset = range.lowerBound + Int64(start)
                start = end + 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                do throws(JSONError) {
                    guard let event = try EventLineDecoder.decode(line, full: true).event, event.position == expected,
                        stream == nil || event.stream == stream
                    else {
                        return EventStoreError(
                            .corrupted,
                            "\(path) byte \(lineOffset): expected the event at position \(expected); was the file changed while the store was open?"
                        )
                    }
                    visit(event, line)
                    expected += 1
                } catch {
                    return EventStoreError(
                        .corrupted,
                        "\(path) byte \(lineOffset + Int64(error.offset ?? 0)): \(error.message)"
                    )
                }
            }
            return expected == last + 1
                ? nil : EventStoreError(.corrupted, "\(path): events \(expected) to \(last) are missing")
        }
        if let outcome { throw outcome }
    }

    // MARK: Writing

    /// Lines taken from the pending buffer to write together, with the appends they end.
    struct Batch {
        var bytes: [UInt8]
        var waiters: [Waiter]
        var head: Int64
    }

    private enum Step {
        case write(Batch)
        case idle
        case exit
    }

    /// Writes a batch, syncs it when the policy says so at each write, and then makes it
    /// visible and resumes its appends; or fails them all.
    private func commit(_ batch: Batch) {
        var failure = state.withLock { $0.failure }
        if failure == nil {
            do throws(EventStoreError) {
                try file.append(batch.bytes)
                if case .fsync = durability { try file.sync() }
            } catch {
                failure = error
            }
        }
        if let failure {
            fail(failure)
            for waiter in batch.waiters { waiter.continuation.resume(throwing: failure) }
            return
        }
        let identity = try? file.identity()
        state.withLock { state in
            state.identity = identity
            state.committedHead = batch.head
        }
        for waiter in batch.waiters { waiter.continuation.resume(returning: waiter.events) }
        signal.publish(head: batch.head)
    }

    private func runWriter() {
        var dirty = false
        var lastSync = ContinuousClock.now
        writing: while true {
            let step = state.withLock { state -> Step in
                if !state.writing, !state.waiters.isEmpty {
                    state.writing = true
                    return .write(state.takeBatch())
                }
                if state.closing, !state.writing { return .exit }
                state.writerIdle = true
                return .idle
            }
            switch step {
            case .idle:
                if dirty, case .batched(let interval) = durability {
                    let remaining = interval - (ContinuousClock.now - lastSync)
                    let nanoseconds = Swift.max(
                        0,
                        remaining.components.seconds * 1_000_000_000 + remaining.components.attoseconds / 1_000_000_000
                    )
                    if wakeup.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .timedOut {
                        if (try? file.sync()) == nil { fail(StoreFile.failure("syncing", file.path)) }
                        dirty = false
                        lastSync = .now
                    }
                } else {
                    wakeup.wait()
                }
            case .exit:
                break writing
            case .write(let batch):
                commit(batch)
                switch durability {
                case .fsync:
                    break
                case .batched(let interval):
                    dirty = true
                    if ContinuousClock.now - lastSync >= interval {
                        if (try? file.sync()) == nil { fail(StoreFile.failure("syncing", file.path)) }
                        dirty = false
                        lastSync = .now
                    }
                case .none:
                    dirty = true
                }
                state.withLock { $0.writing = false }
            }
        }
        if state.withLock({ $0.failure == nil }) {
            do throws(EventStoreError) {
                // Also what leading appends wrote without syncing (`.none`).
                if case .fsync = durability {} else { try file.sync() }
            } catch {
                fail(error)
            }
        }
        saveCheckpoint(expecting: state.withLock { $0.identity })
        lock.file.unlock()
        let closeWaiters = state.withLock { state in
            state.writerExited = true
            defer { state.closeWaiters = [] }
            return state.closeWaiters
        }
        signal.close()
        for waiter in closeWaiters { waiter.resume() }
    }

    /// Saves the index for the next open when the store closes cleanly and the file is as
    /// this writer left it; otherwise removes any older checkpoint, so the next open scans.
    private func saveCheckpoint(expecting identity: [Int64]?) {
        guard let checkpointPath else { return }
        let (index, failed) = state.withLock { ($0.index, $0.failure != nil) }
        let unchanged = identity != nil && (try? file.identity()) == identity
        do throws(EventStoreError) {
            guard !failed, unchanged else { throw EventStoreError(.io, "the events file changed or failed") }
            try IndexCheckpoint.write(index, of: file, to: checkpointPath)
        } catch {
            // Only a cache: without it the next open scans the file.
            _ = unlink(checkpointPath)
        }
    }

    private func fail(_ error: EventStoreError) {
        state.withLock { state in
            if state.failure == nil {
                state.failure = EventStoreError(
                    .io,
                    "the store stopped accepting appends after a failed write; reopen it to recover. Cause: \(error.message)"
                )
            }
        }
    }

    // MARK: Closing

    /// Stops accepting appends, lets the writer finish what is queued, and releases the lock.
    func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state -> Bool in
                if state.writerExited { return true }
                state.closing = true
                state.closeWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() } else { wakeup.signal() }
        }
    }

    /// Starts closing without waiting: what dropping the last reference to the store does.
    func shutdown() {
        state.withLock { $0.closing = true }
        wakeup.signal()
    }

    static let closedError = EventStoreError(.closed, "the event store was closed")
}
