// libFuzzer target: a whole events.jsonl through the store scanner, as opening, verify and
// repair read it.
//
// Built only by Tests/Fuzz/run.sh (with -sanitize=fuzzer,address). The input is written to one
// file in a temporary folder (on /dev/shm when there is one) and scanned twice: as opening
// does (headers) and as verify does (every line in full). A scan may refuse a file, never
// crash; when both succeed they agree on what the file holds.

@testable import Disco
import Foundation
import FuzzerDriver

private let file: StoreFile = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let path = "\(base)/disco-fuzz-scan-\(getpid()).jsonl"
    guard let file = try? StoreFile.open(path, create: true) else { fatalError("cannot create \(path)") }
    return file
}()

func fuzzStoreScan(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    do {
        try file.replaceContent(with: Array(UnsafeBufferPointer(start: data, count: size)))
    } catch {
        fatalError("cannot write the input: \(error)")
    }
    let opening = try? StoreScanner.scan(file, full: false)
    let verifying = try? StoreScanner.scan(file, full: true)
    if let opening, let verifying {
        guard opening.index.head == verifying.index.head, opening.index.endOffset == verifying.index.endOffset
        else { fatalError("opening and verifying disagree on the file") }
    }
    return 0
}

var arguments = CommandLine.argc
var argumentVector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argumentVector, fuzzStoreScan))
