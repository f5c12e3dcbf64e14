import ArgumentParser
import DiscoGenCore
import Foundation

extension DiscoGen {
    /// Takes out of the specs' locks the event versions the specs no longer read.
    struct Retire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retire event versions from the specs' locks, once no store holds them.",
            discussion: """
                First copy every store of the spec with its events upcast to their current \
                versions (EventStoreCopier(upcaster:)) and switch to the copies; then remove the \
                upcast steps of the old versions and the former names in renamed_from from the \
                spec, and run this command. It drops from the lock every version below each \
                event's oldest remaining step, and every event type the spec no longer reads. \
                A store that still holds a retired version stops at start-up with an error naming \
                it. Then regenerate as usual.
                """
        )

        @OptionGroup var options: GenerateOptions

        @Flag(help: "Write nothing; print what would be retired.")
        var dryRun = false

        func run() async throws {
            var retiredBySpec: [String: [SpecLockRetirement.Retired]] = [:]
            let specs = try GeneratorRun(options: options).generateAll { pipeline, yaml, file, lock in
                guard let lock else {
                    throw CLIError(
                        "\(file) has no lock file \(SpecLock.path(forSpec: file)), so there is nothing to retire"
                    )
                }
                let retirement = try pipeline.retire(yaml: yaml, file: file, lock: lock)
                retiredBySpec[file] = retirement.retired
                return retirement.output
            }
            for spec in specs {
                let retired = retiredBySpec[spec.specPath] ?? []
                guard !retired.isEmpty else {
                    print("\(spec.specPath): nothing to retire; the spec still reads every version its lock records")
                    continue
                }
                for item in retired {
                    print("\(dryRun ? "would retire" : "retired") \(item) from \(spec.lockPath)")
                }
                if !dryRun, try spec.writeLock() {
                    print("wrote \(spec.lockPath); stores that still hold these versions no longer open with this spec")
                }
            }
        }
    }
}
