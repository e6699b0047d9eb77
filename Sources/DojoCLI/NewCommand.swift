import ArgumentParser
import DojoKit
import Foundation

/// `dojo new ID --type T`: a commented scenario skeleton and its passing transcript test.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new scenario skeleton (DIR/ID.yaml) and its transcript test (DIR/tests/ID.yaml).",
        discussion: """
        The skeleton is valid and commented: a schema modeline, an opening whose tactic decides between two \
        routes, two endings, model answers that pass, and a test that plays both routes and a losing run. \
        It never overwrites a file. Then: `dojo validate --strict --scenarios DIR` and `dojo test ID --scenarios DIR`. \
        Exit status: 0, 1 when a file or the id already exists, 2 for usage errors.
        """
    )

    enum Language: String, ExpressibleByArgument, CaseIterable {
        case zhHans = "zh-Hans", en
        var scenarioLanguage: ScenarioLanguage { self == .en ? .english : .simplifiedChinese }
    }

    @Argument(help: ArgumentHelp("The new scenario's id: lower-case letters, digits and hyphens (English versions end in -en by convention).",
                                 valueName: "id"))
    var id: String

    @Option(help: "The buyer's value type: intrinsic, extrinsic or strategic.")
    var type: ValueType

    @Option(help: "The scenario's language: zh-Hans or en.")
    var lang: Language = .zhHans

    @Option(help: ArgumentHelp("The folder to write into (created if missing).", valueName: "dir"))
    var dir: String = "."

    @OptionGroup var scenarioOptions: ScenarioOptions

    func validate() throws {
        guard ScenarioSkeleton(id: id, valueType: type, language: lang.scenarioLanguage) != nil else {
            throw ValidationError("'\(TerminalSanitizer.clean(id))' is not a valid id: use lower-case letters, digits and hyphens, e.g. my-first-buyer.")
        }
    }

    func run() throws {
        guard let skeleton = ScenarioSkeleton(id: id, valueType: type, language: lang.scenarioLanguage) else { return }
        let scenarioPath = (dir as NSString).appendingPathComponent("\(id).yaml")
        let testPath = (dir as NSString).appendingPathComponent("tests/\(id).yaml")
        for path in [scenarioPath, testPath] where FileManager.default.fileExists(atPath: path) {
            throw CLIError.wouldOverwrite(path: path)
        }
        if let library = try? scenarioOptions.library(quiet: true), let taken = library.scenario(id) {
            throw CLIError.scenarioIDTaken(id: id, file: taken.location.file)
        }
        let scenario = skeleton.scenario(schema: Self.schemaReference("scenario", from: dir))
        let test = skeleton.test(schema: Self.schemaReference("test", from: (dir as NSString).appendingPathComponent("tests")))
        try Self.create(scenarioPath, scenario)
        try Self.create(testPath, test)
        print("Created \(TerminalSanitizer.clean(scenarioPath)) and \(TerminalSanitizer.clean(testPath)).")
        let folder = TerminalSanitizer.clean(dir)
        print("Next: dojo validate --strict --scenarios \(folder); dojo test \(id) --scenarios \(folder); dojo play \(id) --scenarios \(folder)")
    }

    /// Writes a new file, failing rather than replacing one that appeared meanwhile.
    static func create(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            if FileManager.default.fileExists(atPath: path) { throw CLIError.wouldOverwrite(path: path) }
            throw CLIError.cannotCreate(path: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
    }

    /// The shipped `docs/schema/<kind>.schema.json` relative to `folder` (editors resolve the modeline
    /// from the file); the bare file name when no share folder is found.
    static func schemaReference(_ kind: String, from folder: String) -> String {
        guard let root = ShareFolder.root() else { return "\(kind).schema.json" }
        let schema = URL(fileURLWithPath: root).appendingPathComponent("docs/schema/\(kind).schema.json").standardizedFileURL
        let base = URL(fileURLWithPath: folder).standardizedFileURL
        let from = base.pathComponents, to = schema.pathComponents
        var common = 0
        while common < min(from.count, to.count) && from[common] == to[common] { common += 1 }
        if common <= 1 { return schema.path }  // nothing in common but the root: the absolute path reads better
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...]).joined(separator: "/")
    }
}
