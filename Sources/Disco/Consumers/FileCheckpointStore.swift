import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checkpoints kept on disk: one file per consumer, `<directory>/<name>.checkpoint`, holding
/// the position as decimal text.
///
/// A save writes a temporary file, flushes it to disk and renames it over the old one, so
/// a crash leaves either the old or the new position. Consumer names may use letters,
/// digits, `-`, `_` and `.`.
public actor FileCheckpointStore: CheckpointStore {
    private let directory: URL

    /// A store in a directory, created if missing.
    /// - Throws: ``ConsumerError`` when the directory cannot be created.
    public init(directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ConsumerError("cannot create the checkpoint directory \(directory.path): \(error)")
        }
        self.directory = directory
    }

    public func checkpoint(of consumer: String) throws -> Int64 {
        let url = try file(of: consumer)
        guard FileManager.default.fileExists(atPath: url.path) else { return 0 }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConsumerError("cannot read the checkpoint of \(consumer) at \(url.path): \(error)")
        }
        guard let position = Int64(text.trimmingCharacters(in: .whitespacesAndNewlines)), position >= 0 else {
            throw ConsumerError("the checkpoint of \(consumer) at \(url.path) is not a position: '\(text)'")
        }
        return position
    }

    public func saveCheckpoint(_ position: Int64, for consumer: String) throws {
        let url = try file(of: consumer)
        let temporary = url.appendingPathExtension("tmp")
        do {
            _ = FileManager.default.createFile(atPath: temporary.path, contents: nil)
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data("\(position)\n".utf8))
            try handle.synchronize()
        } catch {
            throw ConsumerError("cannot write the checkpoint of \(consumer) at \(temporary.path): \(error)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            throw ConsumerError("cannot replace the checkpoint of \(consumer) at \(url.path): errno \(errno)")
        }
    }

    private func file(of consumer: String) throws -> URL {
        let allowed = consumer.unicodeScalars.allSatisfy {
            ($0.isASCII && (CharacterSet.alphanumerics.contains($0))) || "-_.".unicodeScalars.contains($0)
        }
        guard !consumer.isEmpty, allowed, !consumer.hasPrefix(".") else {
            throw ConsumerError(
                "consumer name '\(consumer)' cannot name a checkpoint file: use letters, digits, '-', '_' and '.'"
            )
        }
        return directory.appendingPathComponent("\(consumer).checkpoint")
    }
}
