import Foundation

extension SpecLockFile {
    /// A spec's lock as it is on disk, beside the spec (``SpecLock/path(forSpec:)``).
    public struct OnDisk: Sendable {
        /// The lock file's path.
        public var path: String
        /// The file's content, or `nil` when the spec has no lock file yet.
        public var text: String?
        /// The lock the file holds, or `nil` when the spec has no lock file yet.
        public var lock: SpecLock?
    }

    /// Reads the lock file beside a spec, when there is one.
    /// - Parameter specPath: The spec's path.
    /// - Throws: ``Diagnostics`` at the lock file's lines when it cannot be read as a lock.
    public static func read(forSpec specPath: String) throws(Diagnostics) -> OnDisk {
        let path = SpecLock.path(forSpec: specPath)
        guard let data = FileManager.default.contents(atPath: path) else {
            return OnDisk(path: path, text: nil, lock: nil)
        }
        let text = String(decoding: data, as: UTF8.self)
        var diagnostics = DiagnosticList()
        let lock = parse(text, file: path, diagnostics: &diagnostics)
        guard let lock, !diagnostics.hasErrors else { throw Diagnostics(diagnostics.diagnostics) }
        return OnDisk(path: path, text: text, lock: lock)
    }
}
