import ArgumentParser
import DojoKit
import Foundation

/// `dojo`: the SalesDojo command line.
public struct DojoCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dojo",
        abstract: "SalesDojo: role-play key-account selling with buyers of three value types.",
        discussion: """
        Talk to scripted buyers (intrinsic, extrinsic, strategic value), get every reply scored and coached. \
        Scenarios are YAML files; `dojo validate` checks them like a compiler.

        The shipped library (<prefix>/share/salesdojo/Scenarios next to an installed dojo, or the checkout a \
        built one lives in; $DOJO_SHARE overrides) is always loaded; --scenarios DIR (repeatable) or \
        $DOJO_SCENARIOS (colon-separated) add your own folders on top.
        """,
        version: DojoVersion.current,
        subcommands: [PlayCommand.self, ReplayCommand.self, GuideCommand.self, DrillCommand.self, TrackCommand.self, NextCommand.self,
                      ProgressCommand.self, HistoryCommand.self, ImportCommand.self, ReportCommand.self, TestCommand.self, ListCommand.self,
                      ShowCommand.self, NewCommand.self, SchemaCommand.self, ValidateCommand.self, LintCommand.self, ExploreCommand.self,
                      GraphCommand.self, CoverageCommand.self, ExplainCommand.self, GradeCommand.self, EvalCommand.self, TrainCommand.self,
                      FlagsCommand.self]
    )

    public init() {}

    /// Runs the command line; usage errors exit with status 2 (not ArgumentParser's 64).
    public static func mainWithExitCodes(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }  // --help, --version
            // Messages echo arguments and file names: sanitise them before they reach the terminal.
            let message = fullMessage(for: error)
            if !message.isEmpty { printError(message) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// The version printed by `dojo --version`.
public enum DojoVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
