import DojoKit
import FuzzSupport

/// Any bytes as one JSON line (the `dojo grade --format jsonl` and transcript reader): parse or
/// fail with a position inside the line, never trap; strings read back are valid.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    do {
        let value = try JSONValue.parse(bytes)
        if case let .object(members) = value {
            var writer = JSONWriter()
            writer.beginObject()
            for (key, member) in members {
                writer.key(key)
                switch member {
                case let .string(text): writer.string(text)
                case let .number(number): writer.number(number)
                case let .bool(flag): writer.bool(flag)
                default: writer.null()
                }
            }
            writer.endObject()
            guard (try? JSONValue.parse(writer.bytes)) != nil else { FuzzSupport.fail("JSONWriter wrote JSON that does not parse") }
        }
    } catch {
        if error.offset < 0 || error.offset > size { FuzzSupport.fail("error offset \(error.offset) outside the line of \(size) bytes") }
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target.
@_cdecl("FuzzJSONLine_main")
public func FuzzJSONLineMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzSupport.run(argc, argv) { data, size in fuzzJSONLine(data, size) }
}
