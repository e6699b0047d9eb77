import ArgumentParser
import DojoKit
import Foundation

/// Where scenarios come from, shared by every command that reads them: the shipped library (playbooks,
/// scenarios, drills, tracks) with the author's folders on top.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("""
        A folder (or file) of your own scenarios, tests, drills or playbooks, loaded on top of the shipped library; \
        repeat for several (default: $DOJO_SCENARIOS, colon-separated). A playbook of yours with the `type` of a \
        shipped one replaces it, as does a scenario, drill set or track with a shipped one's id.
        """, valueName: "dir"))
    var scenarios: [String] = []

    /// The author's folders: `--scenarios` (each must exist), else `$DOJO_SCENARIOS`.
    func overlays() throws -> [String] {
        if !scenarios.isEmpty { return try scenarios.map { try existing($0, from: "--scenarios") } }
        if let env = ProcessInfo.processInfo.environment["DOJO_SCENARIOS"], !env.isEmpty {
            return try env.split(separator: ":").map(String.init).filter { !$0.isEmpty }.map { try existing($0, from: "DOJO_SCENARIOS") }
        }
        return []
    }

    /// The primary folder: the first author's folder, else the shipped one (for files a command writes or
    /// reads by path, such as the trained model and the corpus).
    func directory() throws -> String {
        if let first = try overlays().first, isDirectory(first) { return first }
        if let shipped = ShareFolder.scenarios() { return shipped }
        throw CLIError.noScenarioFolder
    }

    /// Loads the shipped library with the author's folders on top (plus `extra` files or folders, e.g.
    /// the paths given to `validate`); problems in the files are mentioned on stderr (what loaded is still
    /// usable). `need` says what the command uses, so that, say, `play ID` reads one scenario and the
    /// playbooks rather than the whole library. The authoring commands (validate, test, lint) also say which
    /// shipped files the author's replaced: `printOverrideNotes`.
    func library(quiet: Bool = false, need: ScenarioLibrary.Need = .everything, extra: [String] = []) throws -> ScenarioLibrary {
        let overlays = try overlays() + extra
        let shipped = ShareFolder.scenarios()
        if shipped == nil && overlays.isEmpty { throw CLIError.noScenarioFolder }
        let library = ScenarioLibrary.load(shipped: shipped, overlays: overlays, need: need,
                                           index: Self.indexLocation(shipped: shipped, overlays: overlays))
        if !quiet {
            if !library.errors.isEmpty {
                printError("note: \(library.errors.count) problem(s) in the scenario files kept some of them out; run `dojo validate`.")
            }
        }
        return library
    }

    /// What `validate` checks, for `validate` and `lint` alike: the shipped library with the author's folders
    /// and `paths` on top (`full`), the part to report on (`authored`: only the author's files when there
    /// are any), and the checks made outside the loader: model answers that are missing (DJ0108), and the
    /// trained model of each folder against its corpus and playbooks (DJ0302/DJ0303).
    func validated(paths: [String]) throws -> (full: ScenarioLibrary, authored: ScenarioLibrary, checks: [Diagnostic]) {
        let overlays = try overlays()
        let full = try library(quiet: true, extra: paths)
        let authored = full.authored()
        var checks = ModelAnswerCheck.diagnostics(for: authored.scenarios)
        for folder in overlays.isEmpty && paths.isEmpty ? [try directory()] : overlays {
            checks += TrainingInputs(scenarioDirectory: folder).modelDiagnostics(modelPath: TrainingInputs.modelPath(scenarioDirectory: folder))
        }
        return (full, authored, checks)
    }

    /// The library's scenarios for `dojo list`, through the scenario index under
    /// `$XDG_CACHE_HOME/salesdojo/scenario-index/` (one file per set of folders): only scenario files
    /// that changed since the last listing are parsed. The index belongs to this `dojo` binary; a new
    /// build rebuilds it.
    func listing() throws -> ScenarioListing {
        let overlays = try overlays()
        let shipped = ShareFolder.scenarios()
        if shipped == nil && overlays.isEmpty { throw CLIError.noScenarioFolder }
        return ScenarioLibrary.listing(shipped: shipped, overlays: overlays, index: Self.indexLocation(shipped: shipped, overlays: overlays))
    }

    /// The index file for the shipped folder and the author's folders, named after their absolute
    /// paths; nil when the running binary cannot be identified (then every listing parses every file).
    static func indexLocation(shipped: String?, overlays: [String]) -> ScenarioLibrary.IndexLocation? {
        guard let binary = FileStamp(path: "/proc/self/exe") ?? FileStamp(path: CommandLine.arguments[0]) else { return nil }
        let roots = ([shipped ?? ""] + overlays).map { $0.isEmpty ? "" : URL(fileURLWithPath: $0).standardizedFileURL.path }
        let name = String(FNV1a.hash(roots.joined(separator: "\n").utf8), radix: 16) + ".index"
        return ScenarioLibrary.IndexLocation(path: XDGDirectory.cache.path("scenario-index/" + name),
                                             salt: "\(binary.size)-\(binary.modified)-\(binary.inode)")
    }

    /// On stderr: each shipped file the author's folders replaced.
    static func printOverrideNotes(_ library: ScenarioLibrary) {
        for note in library.overrideNotes { printError(TerminalSanitizer.clean(note)) }
    }

    /// The evaluator for a library loaded from this folder: with the folder's trained model
    /// (`models/tactics.dojomodel`) when there is one. A damaged model is an error, never a silent fallback.
    func evaluator(for library: ScenarioLibrary, model: String? = nil) throws -> Evaluator {
        let path = try model ?? modelPath()
        if let model, !FileManager.default.fileExists(atPath: model) { throw CLIError.unreadableModel(path: model, detail: "no such file") }
        guard FileManager.default.fileExists(atPath: path) else { return Evaluator(catalog: library.catalog) }
        do {
            return Evaluator(catalog: library.catalog, model: try TacticModel.load(path: path))
        } catch {
            throw CLIError.unreadableModel(path: path, detail: error.description)
        }
    }

    /// The trained model: the first author's folder that has `models/tactics.dojomodel`, else the shipped one.
    func modelPath() throws -> String {
        let folders = try overlays().filter(isDirectory) + (ShareFolder.scenarios().map { [$0] } ?? [])
        let paths = folders.map { TrainingInputs.modelPath(scenarioDirectory: $0) }
        return paths.first { FileManager.default.fileExists(atPath: $0) } ?? paths.first ?? TrainingInputs.modelPath(scenarioDirectory: "Scenarios")
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
