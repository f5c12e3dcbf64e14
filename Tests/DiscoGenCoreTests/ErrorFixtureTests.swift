import DiscoGenCore
import Foundation
import Testing

/// Each broken spec in `Fixtures/` produces exactly the diagnostics of its `.expected` file,
/// as `disco-gen validate` prints them (`file:line:column: severity: message`).
///
/// To add a fixture, write `name.yml` (and `name.lock` to check it against a lock), check what
/// `disco-gen validate name.yml` prints from the Fixtures folder, and save it as `name.expected`
/// once every line is right.
@Suite struct ErrorFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let fixtures: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".yml") }
        .sorted()

    @Test func thereAreFixtures() {
        #expect(Self.fixtures.count >= 14)
    }

    @Test(arguments: fixtures)
    func diagnosticsAreExactly(fixture: String) throws {
        let yaml = try String(contentsOf: Self.folder.appendingPathComponent(fixture), encoding: .utf8)
        let expectedURL = Self.folder.appendingPathComponent(fixture.replacingOccurrences(of: ".yml", with: ".expected"))
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let pipeline = try GeneratorPipeline()
        // A fixture may have a lock beside it (`name.lock`): the spec is checked against it.
        let lockName = SpecLock.path(forSpec: fixture)
        var lock: SpecLock?
        if let text = try? String(contentsOf: Self.folder.appendingPathComponent(lockName), encoding: .utf8) {
            var diagnostics = DiagnosticList()
            lock = SpecLockFile.parse(text, file: lockName, diagnostics: &diagnostics)
            #expect(lock != nil, "\(diagnostics.diagnostics)")
        }
        let actual: [String]
        do {
            actual = try pipeline.generate(yaml: yaml, file: fixture, lock: lock).diagnostics.map(\.description)
        } catch let diagnostics as Diagnostics {
            actual = diagnostics.all.map(\.description)
            #expect(diagnostics.hasErrors)
        }
        #expect(actual == expected)
    }
}
