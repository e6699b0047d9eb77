import Foundation
import Yams

/// Playbooks and scenarios loaded from files, with every diagnostic found on the way.
public struct ScenarioLibrary: Sendable {
    /// The tactic catalogue built from the playbooks.
    public var catalog: TacticCatalog
    /// Scenarios that loaded without errors, sorted by language, value type, difficulty and id.
    public var scenarios: [Scenario]
    /// Drill sets (classification exercises), sorted by language and id.
    public var drills: [DrillSet] = []
    /// Transcript tests, sorted by file.
    public var plans: [TranscriptPlan] = []
    /// Onboarding tracks (`tracks/*.yaml`), sorted by id.
    public var tracks: [Track] = []
    /// Every problem found, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// How many YAML files were read.
    public var fileCount: Int
    /// Shipped files replaced by an author's (see `load(shipped:overlays:)`), by kind and key.
    public var overrides: [Override] = []
    /// The shipped files loaded under an author's folders; empty when no author's folder was given.
    public var shippedFiles: Set<String> = []

    /// Errors among the diagnostics.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// Warnings among the diagnostics.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The scenario with this id.
    public func scenario(_ id: String) -> Scenario? { scenarios.first { $0.id == id } }

    /// Loads a scenario folder: playbooks under `playbooks/` (or anywhere, recognised by their `tactics` key),
    /// scenarios everywhere else.
    public static func load(directory: String, loader: DocumentLoader = DocumentLoader()) -> ScenarioLibrary {
        load(paths: [directory], playbookDirectory: nil, loader: loader)
    }

    /// What a command needs from the scenario folder.
    public enum Need: Sendable, Hashable {
        /// Every file (list, validate, test).
        case everything
        /// The tactic catalogue only (grade, guide).
        case playbooks
        /// The catalogue and one scenario (play ID, show ID).
        case scenario(String)
        /// The catalogue and the drill sets.
        case drills
    }

    /// Loads only the files a command needs: the playbooks, plus the scenario whose top-level `id:`
    /// line names it (or the drill sets), found by reading each file's top-level keys without
    /// parsing it, so one scenario among 10,000 costs one parse. When that finds nothing, or a file
    /// cannot be judged without parsing, the whole folder is loaded as before.
    public static func load(directory: String, need: Need, loader: DocumentLoader = DocumentLoader()) -> ScenarioLibrary {
        if need == .everything { return load(directory: directory, loader: loader) }
        var walkDiagnostics: [Diagnostic] = []
        let files = yamlFiles(in: directory, into: &walkDiagnostics)
        let selected = needed(files, sniffed: parallelMap(files) { sniff($0, loader: loader) }, for: need)
        var library = load(paths: selected, playbookDirectory: nil, loader: loader)
        guard library.suffices(for: need) else { return load(directory: directory, loader: loader) }
        library.diagnostics = Diagnostic.sorted(walkDiagnostics + library.diagnostics)
        return library
    }

    /// The files `need` asks for, judged by their sniffed top-level keys: playbooks always, and a file that
    /// could not be judged without parsing is kept.
    static func needed(_ files: [String], sniffed: [Sniff?], for need: Need) -> [String] {
        zip(files, sniffed).filter { file, sniffed in
            guard let sniffed else { return true }
            if sniffed.keys.contains("tactics") || file.split(separator: "/").contains("playbooks") { return true }
            switch need {
            case let .scenario(id): return sniffed.id == id
            case .drills: return sniffed.keys.contains("items")
            case .playbooks, .everything: return false
            }
        }.map(\.0)
    }

    /// Whether a library loaded for `need` holds what was asked for (else the caller loads everything).
    func suffices(for need: Need) -> Bool {
        switch need {
        case let .scenario(id): scenario(id) != nil
        case .drills: !drills.isEmpty && !catalog.ids.isEmpty
        case .playbooks, .everything: !catalog.ids.isEmpty
        }
    }

    /// Loads the given files and folders (recursively, `*.yaml` and `*.yml`). Playbooks found there are used;
    /// when `playbookDirectory` is given, the playbooks in it are loaded too (without reporting them twice).
    public static func load(paths: [String], playbookDirectory: String?, loader: DocumentLoader = DocumentLoader()) -> ScenarioLibrary {
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(.unreadableFile, variant: "missing-path", at: SourceLocation(file: path, line: 1, column: 1),
                                              help: "check the path"))
                continue
            }
            files += isDirectory.boolValue ? yamlFiles(in: path, into: &diagnostics) : [path]
        }
        var extraPlaybookFiles: [String] = []
        if let playbookDirectory {
            let given = Set(files.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
            var ignored: [Diagnostic] = []
            extraPlaybookFiles = yamlFiles(in: playbookDirectory, into: &ignored).filter {
                !given.contains(URL(fileURLWithPath: $0).standardizedFileURL.path)
            }
        }
        var playbooks: [Playbook] = []
        var drills: [DrillSet] = []
        var plans: [TranscriptPlan] = []
        var tracks: [Track] = []
        for file in extraPlaybookFiles {
            var ignored: [Diagnostic] = []
            if case let .success(document) = loader.load(path: file), kind(of: document.root) == .playbook,
               let playbook = PlaybookReader.read(document, into: &ignored) {
                playbooks.append(playbook)
            }
        }
        // Pass 1, over every file in parallel: everything but scenarios is read now. A file whose
        // top-level keys (seen without parsing) make it a scenario is only noted: it is parsed once,
        // in pass 2, when the catalogue is known, and no document tree is kept in between, so memory
        // stays flat however many scenarios the folder holds.
        let firstPass = parallelMap(files) { file in readNonScenario(file, loader: loader) }
        var scenarioFiles: [String] = []
        for (file, result) in zip(files, firstPass) {
            diagnostics += result.diagnostics
            switch result.content {
            case .scenarioFile: scenarioFiles.append(file)
            case let .playbook(playbook): playbooks.append(playbook)
            case let .drill(drill): drills.append(drill)
            case let .plan(plan): plans.append(plan)
            case let .track(track): tracks.append(track)
            case .scenario, .nothing: break  // pass 1 reads no scenario
            }
        }
        // Pass 2: scenarios against the catalogue. A playbook met here (the key sniffing guessed
        // wrong) changes the catalogue, so the pass runs again with it.
        var catalog = TacticCatalog(playbooks: playbooks)
        var secondPass: [FirstPassResult] = []
        for _ in 0..<2 {
            let current = catalog
            secondPass = parallelMap(scenarioFiles) { file in readScenarioFile(file, catalog: current, loader: loader) }
            let late = secondPass.compactMap { if case let .playbook(playbook) = $0.content { playbook } else { nil } }
            if late.isEmpty || catalog.playbooks.count > playbooks.count { break }
            catalog = TacticCatalog(playbooks: playbooks + late)
        }
        var scenarioResults: [(Scenario?, [Diagnostic])] = []
        for result in secondPass {
            switch result.content {
            case let .playbook(playbook): playbooks.append(playbook); diagnostics += result.diagnostics
            case let .drill(drill): drills.append(drill); diagnostics += result.diagnostics
            case let .plan(plan): plans.append(plan); diagnostics += result.diagnostics
            case let .track(track): tracks.append(track); diagnostics += result.diagnostics
            case let .scenario(scenario): scenarioResults.append((scenario, result.diagnostics))
            case .nothing, .scenarioFile: scenarioResults.append((nil, result.diagnostics))
            }
        }
        diagnostics += duplicateTactics(in: playbooks)
        catalog = TacticCatalog(playbooks: playbooks)
        if catalog.ids.isEmpty, let first = scenarioFiles.first {
            diagnostics.append(Diagnostic(.noPlaybooks,
                at: SourceLocation(file: first, line: 1, column: 1),
                help: "keep the playbooks in `playbooks/` inside the scenario folder, or pass --scenarios DIR"))
        }
        var read: [Scenario] = []
        for (scenario, found) in scenarioResults {
            diagnostics += found
            if let scenario { read.append(scenario) }
        }
        let kept = crossFileChecks(scenarios: read.map(ScenarioSummary.init), drills: drills, plans: plans, tracks: tracks,
                                   into: &diagnostics)
        let scenarios = kept.map { read[$0] }.sorted {
            ($0.language.rawValue, $0.valueType.ordinal, $0.difficulty, $0.id) < ($1.language.rawValue, $1.valueType.ordinal, $1.difficulty, $1.id)
        }
        var library = ScenarioLibrary(catalog: catalog, scenarios: scenarios,
                               drills: drills.sorted { ($0.language.rawValue, $0.id) < ($1.language.rawValue, $1.id) },
                               plans: plans.sorted { $0.location < $1.location },
                               diagnostics: Diagnostic.sorted(diagnostics), fileCount: files.count)
        library.tracks = tracks.sorted { $0.id < $1.id }
        return library
    }

    enum DocumentKind { case scenario, playbook, drill, plan, track, unknown }

    static func kind(of root: Node) -> DocumentKind {
        guard case let .mapping(mapping) = root else { return .unknown }
        let keys = Set(mapping.keys.compactMap { $0.scalar?.string })
        if keys.contains("tactics") { return .playbook }
        if keys.contains("items") { return .drill }
        if keys.contains("plays") { return .plan }
        if keys.contains("steps") { return .track }
        if keys.contains("turns") || keys.contains("endings") || keys.contains("persona") || keys.contains("title") { return .scenario }
        return .unknown
    }

    static func duplicateTactics(in playbooks: [Playbook]) -> [Diagnostic] {
        var seen: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for playbook in playbooks.sorted(by: { $0.file < $1.file }) {
            for tactic in playbook.tactics {
                if let first = seen[tactic.id] {
                    diagnostics.append(Diagnostic(.duplicateID, ["tactic": tactic.id, "first": first], variant: "tactic-across-playbooks",
                                                  at: tactic.location, help: "each tactic id belongs to one playbook"))
                } else {
                    seen[tactic.id] = playbook.file
                }
            }
        }
        return diagnostics
    }

    /// Deepest folder level searched below a scenario folder.
    public static let maxFolderDepth = 12
    /// Most folder entries looked at (files and folders, YAML or not) in one scenario folder.
    public static let maxFolderEntries = 20_000

    /// YAML files under a folder, sorted by path so loading order never depends on the file system.
    /// The walk is bounded (`maxFolderDepth`, `maxFolderEntries`) so `--scenarios /` ends quickly;
    /// where it stopped is reported as DJ0027.
    static func yamlFiles(in directory: String, into diagnostics: inout [Diagnostic]) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        var entries = 0
        var tooDeep: String?
        // What `appendingPathComponent` gives for a plain folder path, without its cost per file.
        let plainJoin = !directory.isEmpty && !directory.hasSuffix("/") && !directory.contains("//")
        while let relative = enumerator.nextObject() as? String {
            entries += 1
            if entries > maxFolderEntries {
                diagnostics.append(Diagnostic(.folderTooLarge, ["limit": String(maxFolderEntries)], variant: "entries",
                    at: SourceLocation(file: directory, line: 1, column: 1),
                    help: "point --scenarios at the folder that holds the scenario files"))
                break
            }
            if enumerator.level >= maxFolderDepth, enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory {
                enumerator.skipDescendants()
                if tooDeep == nil { tooDeep = relative }
            }
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            // Hidden files are settings (`.dojo-lint.yaml`), not scenarios.
            if (relative as NSString).lastPathComponent.hasPrefix(".") { continue }
            files.append(plainJoin ? directory + "/" + relative : (directory as NSString).appendingPathComponent(relative))
        }
        if let tooDeep {
            diagnostics.append(Diagnostic(.folderTooLarge, ["limit": String(maxFolderDepth), "first": tooDeep], variant: "depth",
                at: SourceLocation(file: directory, line: 1, column: 1),
                help: "keep scenario files within a few levels of the scenario folder"))
        }
        return files.sorted()
    }
}
