import Foundation
import PackagePlugin

/// The example tests of a test target: the specs of the targets it tests, each run with
/// `disco-gen tests SPEC --import <module>`, and the file each spec's suite is written to.
///
/// A test target tests the targets it depends on directly, in its own package, that have specs
/// in their `Specs/` folder; `examplesFrom: A, B` in its `disco-gen-config.yml` picks some of
/// them. The generated suites use DiscoTesting, so the test target must depend on it.
struct ExampleTestsPlan {
    /// A tested target: the module the suites import, and its specs.
    struct Tested {
        let moduleName: String
        let layout: SpecLayout
    }

    let testTargetName: String
    let tested: [Tested]

    /// Every spec's suite, by file name.
    var outputNames: [String] { tested.flatMap { $0.layout.specs.map(\.testsOutputName) } }

    /// Finds the tested targets of a test target.
    /// - Parameters:
    ///   - target: The test target.
    ///   - config: Its options, from its own ``SpecLayout``.
    ///   - configFile: The file the options came from, for errors.
    ///   - packageDirectory: The package's folder, for the error of a tested target without specs.
    /// - Throws: ``PluginError`` when `examplesFrom` names a target the test target does not
    ///   depend on or one without specs, when no tested target has specs, when the test target
    ///   does not depend on DiscoTesting, or when two specs would write the same file.
    init(
        testTarget target: SwiftSourceModuleTarget,
        config: PluginConfig,
        configFile: URL?,
        packageDirectory: URL
    ) throws {
        testTargetName = target.name
        let dependencies: [SwiftSourceModuleTarget] = target.dependencies.compactMap {
            guard case .target(let dependency) = $0, let module = dependency as? SwiftSourceModuleTarget,
                module.kind != .test
            else { return nil }
            return module
        }
        func layout(of module: SwiftSourceModuleTarget) throws -> SpecLayout {
            let specs = module.directoryURL.appending(component: SpecLayout.specsFolder)
            return try SpecLayout(
                targetName: module.name,
                directory: module.directoryURL,
                files: PluginFiles.files(in: specs)
            )
        }
        var tested: [Tested] = []
        if config.examplesFrom.isEmpty {
            for module in dependencies {
                let layout = try layout(of: module)
                if !layout.specs.isEmpty { tested.append(Tested(moduleName: module.moduleName, layout: layout)) }
            }
            guard !tested.isEmpty else {
                throw PluginError(
                    "test target '\(target.name)' depends on no target with specs, so it has no examples to test: "
                        + "add the target whose Specs/ folder holds them to its dependencies in Package.swift"
                )
            }
        } else {
            for name in config.examplesFrom {
                guard let module = dependencies.first(where: { $0.name == name }) else {
                    throw PluginError(
                        "examplesFrom names '\(name)', which test target '\(target.name)' does not depend on; "
                            + "add it to the test target's dependencies in Package.swift, or fix the name "
                            + "(it depends on \(dependencies.map { "'\($0.name)'" }.joined(separator: ", ")))",
                        file: configFile
                    )
                }
                let layout = try layout(of: module)
                guard !layout.specs.isEmpty else {
                    throw layout.noSpecsError(files: [], packageDirectory: packageDirectory)
                }
                tested.append(Tested(moduleName: module.moduleName, layout: layout))
            }
        }
        guard target.recursiveTargetDependencies.contains(where: { $0.name == "DiscoTesting" }) else {
            throw PluginError(
                "test target '\(target.name)' runs its specs' examples through DiscoTesting, which it does not depend on; "
                    + "add .product(name: \"DiscoTesting\", package: \"disco-gen\") to its dependencies in Package.swift"
            )
        }
        var seen: [String: URL] = [:]
        for spec in tested.flatMap(\.layout.specs) {
            if let other = seen.updateValue(spec.url, forKey: spec.testsOutputName) {
                throw PluginError(
                    "this spec and \(other.path(percentEncoded: false)) would both write \(spec.testsOutputName) "
                        + "into test target '\(target.name)'; rename one of them",
                    file: spec.url
                )
            }
        }
        self.tested = tested
    }
}
