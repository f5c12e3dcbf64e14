import DiscoGenCore
import Foundation
import Testing

/// Random and truncated YAML never crashes the generator: each input gives Swift or
/// diagnostics, and diagnostics always come with a place in the file.
@Suite struct GeneratorFuzzTests {
    static let specsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Specs")

    static func specs() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: specsFolder.path)
            .filter { $0.hasSuffix(".yml") }.sorted()
            .map { try String(contentsOf: specsFolder.appendingPathComponent($0), encoding: .utf8) }
    }

    /// Runs the whole pipeline; returns whether it produced Swift.
    @discardableResult
    func generate(_ yaml: String, pipeline: GeneratorPipeline) -> Bool {
        do {
            _ = try pipeline.generate(yaml: yaml, file: "fuzz.yml")
            return true
        } catch let diagnostics as Diagnostics {
            #expect(diagnostics.hasErrors)
            for diagnostic in diagnostics.all {
                #expect(diagnostic.location.file == "fuzz.yml")
                #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
            }
            return false
        } catch {
            Issue.record("unexpected error \(error)")
            return false
        }
    }

    @Test func everyTruncationOfEverySpec() throws {
        let pipeline = try GeneratorPipeline()
        for spec in try Self.specs() {
            let lines = spec.split(separator: "\n", omittingEmptySubsequences: false)
            for count in 0...lines.count {
                generate(lines.prefix(count).joined(separator: "\n"), pipeline: pipeline)
            }
            var characterCut = spec.startIndex
            while characterCut < spec.endIndex {
                generate(String(spec[..<characterCut]), pipeline: pipeline)
                characterCut = spec.index(characterCut, offsetBy: 37, limitedBy: spec.endIndex) ?? spec.endIndex
            }
        }
    }

    @Test func randomMutationsOfSpecs() throws {
        let pipeline = try GeneratorPipeline()
        var random = SeededRandom(seed: 0xD15C0)
        let alphabet = Array(" \n\t:-{}[],'\"!#&*?|>%@`\\abcxyz019_().<>=+")
        for spec in try Self.specs() {
            for _ in 0..<150 {
                var characters = Array(spec)
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let index = Int.random(in: 0..<characters.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: characters[index] = alphabet.randomElement(using: &random) ?? " "
                    case 1: characters.remove(at: index)
                    default: characters.insert(alphabet.randomElement(using: &random) ?? " ", at: index)
                    }
                }
                generate(String(characters), pipeline: pipeline)
            }
        }
    }

    @Test func randomBytes() throws {
        let pipeline = try GeneratorPipeline()
        var random = SeededRandom(seed: 42)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0..<200, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            generate(String(decoding: bytes, as: UTF8.self), pipeline: pipeline)
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failure reproduces.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
