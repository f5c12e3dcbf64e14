#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file of the store, closed when the last reference to it goes away, so that a
/// read in flight never reaches a descriptor number that was closed and reused.
final class StoreFile: Sendable {
    /// The file's path, for messages.
    let path: String
    private let descriptor: Int32
    fileprivate var descriptorForLocking: Int32 { descriptor }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        _ = systemClose(descriptor)
    }

    /// Opens (and creates, when `create` is set) a file for reading and appending.
    static func open(_ path: String, create: Bool) throws(EventStoreError) -> StoreFile {
        var flags = O_RDWR | O_APPEND | O_CLOEXEC
        if create { flags |= O_CREAT }
        let descriptor = systemOpen(path, flags, 0o644)
        guard descriptor >= 0 else { throw failure("opening", path) }
        return StoreFile(path: path, descriptor: descriptor)
    }

    /// Opens a file read-only.
    static func openForReading(_ path: String) throws(EventStoreError) -> StoreFile {
        let descriptor = systemOpen(path, O_RDONLY | O_CLOEXEC, 0)
        guard descriptor >= 0 else { throw failure("opening", path) }
        return StoreFile(path: path, descriptor: descriptor)
    }

    /// The file's size in bytes.
    func size() throws(EventStoreError) -> Int64 {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Self.failure("reading the size of", path) }
        return Int64(info.st_size)
    }

    /// Reads up to `count` bytes at an offset into a buffer; fewer only at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(EventStoreError) -> Int {
        var done = 0
        while done < buffer.count {
            let result = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if result < 0 {
                if errno == EINTR { continue }
                throw Self.failure("reading", path)
            }
            if result == 0 { break }
            done += result
        }
        return done
    }

    /// The bytes of a range of the file.
    func read(offset: Int64, count: Int) throws(EventStoreError) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        let outcome = bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(EventStoreError) in try self.read(into: buffer, at: offset) }
        }
        let read = try outcome.get()
        guard read == count else {
            throw EventStoreError(
                .corrupted,
                "\(path) ended at byte \(offset + Int64(read)), before the indexed events; was it changed while open?"
            )
        }
        return bytes
    }

    /// Appends every byte, retrying short writes.
    func append(_ bytes: UnsafeRawBufferPointer) throws(EventStoreError) {
        var done = 0
        while done < bytes.count {
            let result = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if result < 0 {
                if errno == EINTR { continue }
                throw Self.failure("writing", path)
            }
            done += result
        }
    }

    /// Appends every byte of an array.
    func append(_ bytes: [UInt8]) throws(EventStoreError) {
        let outcome = bytes.withUnsafeBytes { buffer in
            Result { () throws(EventStoreError) in try append(buffer) }
        }
        try outcome.get()
    }

    /// Writes the whole file's content at offset 0 (for small files such as the lock file).
    func replaceContent(with bytes: [UInt8]) throws(EventStoreError) {
        guard ftruncate(descriptor, 0) == 0 else { throw Self.failure("truncating", path) }
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        guard written == bytes.count else { throw Self.failure("writing", path) }
    }

    /// Forces written data to the disk.
    func sync() throws(EventStoreError) {
        #if canImport(Darwin)
        let result = fcntl(descriptor, F_FULLFSYNC)
        #else
        let result = fdatasync(descriptor)
        #endif
        guard result == 0 else { throw Self.failure("syncing", path) }
    }

    /// What identifies this version of the file: its device, inode, size, and modification
    /// and status-change times. Any write to the file changes it, and so does setting its
    /// modification time back (which changes the status-change time).
    func identity() throws(EventStoreError) -> [Int64] {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Self.failure("reading the status of", path) }
        #if canImport(Darwin)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        return [
            Int64(bitPattern: UInt64(info.st_dev)), Int64(bitPattern: UInt64(info.st_ino)), Int64(info.st_size),
            Int64(modified.tv_sec), Int64(modified.tv_nsec), Int64(changed.tv_sec), Int64(changed.tv_nsec),
        ]
    }

    /// The number of values in an ``identity()``.
    static let identityCount = 7

    /// Cuts the file to a length.
    func truncate(to length: Int64) throws(EventStoreError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else { throw Self.failure("truncating", path) }
    }

    /// Takes the file's advisory lock without waiting; `false` when another open file holds it.
    func tryLock() throws(EventStoreError) -> Bool {
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
        if errno == EWOULDBLOCK { return false }
        throw Self.failure("locking", path)
    }

    /// Syncs a directory, so that files created or renamed in it survive a crash.
    static func syncDirectory(_ path: String) throws(EventStoreError) {
        let descriptor = systemOpen(path, O_RDONLY | O_CLOEXEC, 0)
        guard descriptor >= 0 else { throw failure("opening", path) }
        defer { _ = systemClose(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("syncing", path) }
    }

    /// An `io` error naming the operation, the path and the system's reason.
    static func failure(_ operation: String, _ path: String) -> EventStoreError {
        let code = errno
        return EventStoreError(.io, "\(operation) \(path) failed: \(String(cString: strerror(code))) (errno \(code))")
    }
}

private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}

extension StoreFile {
    /// Releases the file's advisory lock (the descriptor stays open until the last reference goes).
    func unlock() {
        _ = flock(descriptorForLocking, LOCK_UN)
    }
}
