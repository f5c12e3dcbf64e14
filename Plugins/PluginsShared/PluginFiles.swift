import Foundation

/// Files on disk, for the specs a plugin reads outside a target's source files.
enum PluginFiles {
    /// Every regular file under a folder, hidden ones left out; none when the folder is missing.
    static func files(in directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(
            at: directory,
            includingPropertiesForKeys: [.isRegularFileKey],
            options: [.skipsHiddenFiles]
        )
        return (enumerator?.allObjects ?? []).compactMap { $0 as? URL }.filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }
}
