import DojoKit
import FuzzSupport

private struct Context: ConditionContext {
    var score: Double
    var turn: Int
    var mismatch: Bool
    func meter(_ name: String) -> Int { name.count - 5 }
    func used(_ tacticID: String) -> Bool { tacticID.count % 2 == 0 }
}

/// Any text as a `when` condition: parse or fail with a diagnostic, never trap or overflow the
/// stack; what parses writes back to text that parses to the same condition, and evaluates.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConditionParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parser = ConditionParser(meters: ["trust", "patience"], tactics: FuzzSupport.library.catalog.ids)
    guard let condition = try? parser.parse(text) else { return 0 }
    guard let again = try? parser.parse(condition.description), again == condition else {
        FuzzSupport.fail("`\(text)` wrote back as `\(condition.description)`, which does not parse to the same condition")
    }
    _ = condition.evaluate(in: Context(score: Double(size % 101), turn: size % 7, mismatch: size % 2 == 0))
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target.
@_cdecl("FuzzConditionParser_main")
public func FuzzConditionParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzSupport.run(argc, argv) { data, size in fuzzConditionParser(data, size) }
}
