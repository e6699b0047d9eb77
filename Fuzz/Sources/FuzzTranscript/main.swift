import DojoKit
import FuzzSupport

/// Any bytes as a transcript file, through the event reader and the typed record reader: read it
/// or report the damaged line, never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscript(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let transcript = try? Transcript.parse(bytes) {
        _ = transcript.start
        _ = transcript.replies.count
    }
    // The typed reader (`dojo replay`): every record decodes with its numbers range-checked, or the
    // line is reported as damaged; reading stops there.
    let reader = TranscriptReader(bytes: bytes)
    var records = 0
    while records <= size, let record = try? reader.next() {
        _ = record
        records += 1
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target.
@_cdecl("FuzzTranscript_main")
public func FuzzTranscriptMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzSupport.run(argc, argv) { data, size in fuzzTranscript(data, size) }
}
