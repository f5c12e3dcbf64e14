import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The advisory lock that makes one process at a time the writer of a store folder.
///
/// It is a `flock` on the file `lock` in the folder, which also holds the holder's process id
/// for the error a second writer gets. `flock` locks belong to an open file, not to a
/// process: a second open of the same folder in the same process is refused as well. The
/// operating system releases the lock when the holder exits, however it exits, so a crash
/// never leaves a store locked.
struct StoreLock: Sendable {
    /// The open lock file; the lock lasts as long as it is open.
    let file: StoreFile

    /// The name of the lock file in the store folder.
    static let fileName = "lock"

    /// Takes the lock of a store folder.
    /// - Throws: ``EventStoreError`` with kind `locked`, naming the holder's pid, when another
    ///   open store holds it.
    static func acquire(directory: String) throws(EventStoreError) -> StoreLock {
        let path = directory + "/" + fileName
        let file = try StoreFile.open(path, create: true)
        guard try file.tryLock() else {
            let holder = (try? file.read(offset: 0, count: Int(min(try file.size(), 64))))
                .flatMap { Int32(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) }
            let who = holder.map { "process \($0)" } ?? "another process (its pid is not written yet)"
            throw EventStoreError(
                .locked,
                "the event store in \(directory) is already open for writing by \(who); one process at a time may write a store (lock file \(path))"
            )
        }
        try file.replaceContent(with: Array("\(getpid())\n".utf8))
        return StoreLock(file: file)
    }
}
