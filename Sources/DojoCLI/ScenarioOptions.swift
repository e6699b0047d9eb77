import ArgumentParser
import DojoKit
import Foundation

/// Where scenarios come from, shared by every command that reads them.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Scenario folder (default: $DOJO_SCENARIOS, ./Scenarios, or the installed copy).",
                                            valueName: "dir"))
    var scenarios: String?

    /// The folder to load, following the documented lookup order.
    func directory() throws -> String {
        if let scenarios { return try existing(scenarios, from: "--scenarios") }
        if let env = ProcessInfo.processInfo.environment["DOJO_SCENARIOS"], !env.isEmpty {
            return try existing(env, from: "DOJO_SCENARIOS")
        }
        let local = FileManager.default.currentDirectoryPath + "/Scenarios"
        if isDirectory(local) { return "Scenarios" }
        if let installed = Self.installedScenarios(), isDirectory(installed) { return installed }
        throw CLIError.noScenarioFolder
    }

    /// Loads the library from the folder; problems in the files are mentioned on stderr (what loaded is still usable).
    /// `need` says what the command uses, so that, say, `play ID` reads one scenario and the
    /// playbooks rather than the whole folder.
    func library(quiet: Bool = false, need: ScenarioLibrary.Need = .everything) throws -> ScenarioLibrary {
        let folder = try directory()
        let library = ScenarioLibrary.load(directory: folder, need: need, index: Self.indexLocation(for: folder))
        if !quiet && !library.errors.isEmpty {
            printError("note: \(library.errors.count) problem(s) in the scenario files kept some of them out; run `dojo validate`.")
        }
        return library
    }

    /// The folder's scenarios for `dojo list`, through the scenario index under
    /// `$XDG_CACHE_HOME/salesdojo/scenario-index/` (one file per folder): only scenario files that
    /// changed since the last listing are parsed. The index belongs to this `dojo` binary; a new
    /// build rebuilds it.
    func listing() throws -> ScenarioListing {
        let folder = try directory()
        return ScenarioLibrary.listing(directory: folder, index: Self.indexLocation(for: folder))
    }

    /// The index file for a scenario folder, named after the folder's absolute path; nil when the
    /// running binary cannot be identified (then every listing parses every file).
    static func indexLocation(for folder: String) -> ScenarioLibrary.IndexLocation? {
        guard let binary = FileStamp(path: "/proc/self/exe") ?? FileStamp(path: CommandLine.arguments[0]) else { return nil }
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
        let name = String(FNV1a.hash(absolute.utf8), radix: 16) + ".json"
        return ScenarioLibrary.IndexLocation(path: XDGDirectory.cache.path("scenario-index/" + name),
                                             salt: "\(binary.size)-\(binary.modified)-\(binary.inode)")
    }

    /// The evaluator for a library loaded from this folder: with the folder's trained model
    /// (`models/tactics.dojomodel`) when there is one. A damaged model is an error, never a silent fallback.
    func evaluator(for library: ScenarioLibrary, model: String? = nil) throws -> Evaluator {
        let path = try model ?? TrainingInputs.modelPath(scenarioDirectory: directory())
        if let model, !FileManager.default.fileExists(atPath: model) { throw CLIError.unreadableModel(path: model, detail: "no such file") }
        guard FileManager.default.fileExists(atPath: path) else { return Evaluator(catalog: library.catalog) }
        do {
            return Evaluator(catalog: library.catalog, model: try TacticModel.load(path: path))
        } catch {
            throw CLIError.unreadableModel(path: path, detail: error.description)
        }
    }

    /// `<prefix>/share/salesdojo/Scenarios` for a binary at `<prefix>/bin/dojo`.
    static func installedScenarios() -> String? {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let prefix = executable.deletingLastPathComponent().deletingLastPathComponent()
        return prefix.appendingPathComponent("share/salesdojo/Scenarios").path
    }

    private func existing(_ path: String, from source: String) throws -> String {
        guard isDirectory(path) else { throw CLIError.scenarioFolderMissing(path: path, source: source) }
        return path
    }

    private func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
