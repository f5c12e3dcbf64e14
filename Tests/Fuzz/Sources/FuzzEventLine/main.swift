// libFuzzer target: one line of events.jsonl through the line decoder.
//
// Built only by Tests/Fuzz/run.sh (with -sanitize=fuzzer,address); it reaches the decoder
// through `@testable import`, so the store's own code is what is fuzzed.
//
// Properties, besides "no crash, no hang, no unbounded allocation":
// - a line that decodes in full also decodes as a header, with the same envelope fields;
// - a decoded event, written back by the store's encoder, decodes again, and writing that
//   gives the same bytes (the encoder's output is always readable, and stable after one round).

@testable import Disco
import Foundation
import FuzzerDriver

func fuzzEventLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let line = UnsafeBufferPointer(start: data, count: size)
    let header = try? EventLineDecoder.decode(line, full: false)
    guard let full = try? EventLineDecoder.decode(line, full: true), let event = full.event else { return 0 }
    guard let header else { fatalError("decodes in full but not as a header") }
    guard header.position == full.position, header.stream == full.stream, header.version == full.version,
        header.commandID == full.commandID
    else { fatalError("the header and the full decoding disagree") }

    let written = encode(event)
    guard let again = written.withUnsafeBufferPointer({ try? EventLineDecoder.decode($0, full: true) })?.event else {
        fatalError("the encoder wrote a line the decoder refuses: \(String(decoding: written, as: UTF8.self))")
    }
    guard encode(again) == written else { fatalError("writing a decoded line is not stable") }
    return 0
}

/// The line the store writes for `event`, without its newline.
private func encode(_ event: RecordedEvent) -> [UInt8] {
    guard let pieces = try? EventLineEncoder.pieces(of: [ProposedEvent(recorded: event)], stream: event.stream).first
    else { return [] }
    var line: [UInt8] = []
    EventLineEncoder.appendLine(
        pieces, position: event.position, version: event.version, recordedAt: event.recordedAt, into: &line)
    line.removeLast()  // the newline
    return line
}

var arguments = CommandLine.argc
var argumentVector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argumentVector, fuzzEventLine))
