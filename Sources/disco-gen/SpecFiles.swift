import Foundation

/// Finds spec files among the paths given on the command line.
enum SpecFiles {
    /// The files named, with every `*.yml` and `*.yaml` file of the folders named, sorted
    /// within each folder; paths keep the form they were given in.
    static func expand(_ inputs: [String]) throws -> [String] {
        var files: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw CLIError("no such spec file or folder: \(input)")
            }
            guard isDirectory.boolValue else {
                files.append(input)
                continue
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: input)
                .filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }
                .sorted()
            if names.isEmpty { throw CLIError("the folder \(input) has no *.yml or *.yaml specs") }
            let folder = input.hasSuffix("/") ? String(input.dropLast()) : input
            files += names.map { "\(folder)/\($0)" }
        }
        return files
    }
}
