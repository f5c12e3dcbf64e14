import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output, written in large blocks; a closed pipe ends the process quietly (exit 0).
final class Output: @unchecked Sendable {
    /// The process's standard output.
    static let standard = Output(descriptor: 1)

    private let descriptor: Int32
    private let lock = NSLock()
    private var buffer: [UInt8] = []
    /// Whether to flush after each line, for following a store live.
    var lineBuffered = false

    private init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 20)
    }

    /// Adds bytes; writes when the buffer is full (or at each line when line-buffered).
    func write(_ bytes: [UInt8]) {
        lock.lock()
        buffer.append(contentsOf: bytes)
        let full = lineBuffered || buffer.count >= 1 << 20
        lock.unlock()
        if full { flush() }
    }

    /// Adds a line.
    func line(_ text: String) {
        write(Array((text + "\n").utf8))
    }

    /// Writes what is buffered.
    func flush() {
        lock.lock()
        defer { lock.unlock() }
        var written = 0
        while written < buffer.count {
            let result = buffer[written...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                // The reader went away (`| head`): nothing more to say.
                exit(0)
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
