import DojoKit
import FuzzSupport

/// Any text as a trainee's reply, against no type and each buyer type: no trap, a score within
/// 0–100, an explanation that renders, and the same score twice.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvaluator(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let reply = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for buyer in [ValueType?.none] + ValueType.allCases.map(Optional.some) {
        let assessment = FuzzSupport.evaluator.assess(reply, buyer: buyer)
        if let score = assessment.score, !(0...100).contains(score) { FuzzSupport.fail("score \(score) for `\(reply)`") }
        let renderer = ExplanationRenderer(catalog: FuzzSupport.evaluator.catalog, chinese: true)
        _ = renderer.render(assessment.explanation)
        if FuzzSupport.evaluator.assess(reply, buyer: buyer).score != assessment.score { FuzzSupport.fail("not deterministic: `\(reply)`") }
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target.
@_cdecl("FuzzEvaluator_main")
public func FuzzEvaluatorMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzSupport.run(argc, argv) { data, size in fuzzEvaluator(data, size) }
}
