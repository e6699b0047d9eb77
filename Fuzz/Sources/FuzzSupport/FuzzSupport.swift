import CFuzzDriver
import DojoKit
import Foundation

/// What every target shares: the shipped library (playbooks and scenarios), loaded once.
public enum FuzzSupport {
    /// The repository root, found from this file's path.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// The shipped scenario folder, loaded once.
    public static let library = ScenarioLibrary.load(directory: repositoryRoot + "/Scenarios")

    /// The evaluator the product uses: the shipped playbooks and, when present, the shipped trained model.
    public static let evaluator = Evaluator(
        catalog: library.catalog,
        model: try? TacticModel.load(path: TrainingInputs.modelPath(scenarioDirectory: repositoryRoot + "/Scenarios")))

    /// Hands the command line to libFuzzer's driver with `test` as the target.
    public static func run(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                           _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
        dojo_fuzz_run(argc, argv, test)
    }

    /// Stops the run with a message libFuzzer records as a crash, for a broken property.
    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("property violated: " + message + "\n").utf8))
        abort()
    }
}
