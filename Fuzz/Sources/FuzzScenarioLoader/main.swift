import DojoKit
import Foundation
import FuzzSupport

/// Any bytes as a scenario file: the loader must answer with a scenario or diagnostics, never trap,
/// hang or exhaust the stack; a scenario it accepts must play a few replies without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let (scenario, diagnostics) = ScenarioLibrary.readScenario(yaml: bytes, path: "fuzz.yaml", catalog: FuzzSupport.library.catalog)
    if scenario == nil && !diagnostics.contains(where: { $0.severity == .error }) {
        FuzzSupport.fail("no scenario and no error")
    }
    if let scenario {
        var session = Session(scenario: scenario, evaluator: FuzzSupport.evaluator, seed: 1)
        for reply in ["每年为您节约20万元。", "我们的团队全程跟进。", "好的"] where session.phase != .ended {
            _ = try? session.respond(reply)
        }
        _ = session.scorecard()
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target.
@_cdecl("FuzzScenarioLoader_main")
public func FuzzScenarioLoaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzSupport.run(argc, argv) { data, size in fuzzScenarioLoader(data, size) }
}
