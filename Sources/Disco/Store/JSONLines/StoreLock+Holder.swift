import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension StoreLock {
    /// Whether a process holds the store folder for writing, and its pid, found without
    /// taking the lock even for an instant (which could make a writer starting at that
    /// moment fail): on Linux from `/proc/locks`; elsewhere the holder's pid in the lock file
    /// is trusted when that process is alive.
    /// - Returns: `nil` when no writer holds the folder; `0` when one does but its pid is unknown.
    static func holder(directory: String) -> Int32? {
        let path = directory + "/" + fileName
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let recorded = (try? String(contentsOfFile: path, encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #if os(Linux)
        guard let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else {
            return recorded.flatMap(alive)
        }
        let inode = UInt64(info.st_ino)
        let device = UInt64(info.st_dev)
        let major = (device >> 8) & 0xfff | (device >> 32) & ~UInt64(0xfff)
        let minor = device & 0xff | (device >> 12) & ~UInt64(0xff)
        for line in locks.split(separator: "\n") {
            // `1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF`
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "FLOCK", fields[3] == "WRITE" else { continue }
            let place = fields[5].split(separator: ":")
            guard place.count == 3, UInt64(place[2]) == inode, UInt64(place[0], radix: 16) == major,
                UInt64(place[1], radix: 16) == minor
            else { continue }
            return Int32(fields[4]) ?? recorded ?? 0
        }
        return nil
        #else
        return recorded.flatMap(alive)
        #endif
    }

    private static func alive(_ pid: Int32) -> Int32? {
        kill(pid, 0) == 0 || errno == EPERM ? pid : nil
    }
}
