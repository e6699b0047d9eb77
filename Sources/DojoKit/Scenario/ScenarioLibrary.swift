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
    /// Every problem found, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// How many YAML files were read.
    public var fileCount: Int

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

    /// Loads the given files and folders (recursively, `*.yaml` and `*.yml`). Playbooks found there are used;
    /// when `playbookDirectory` is given, the playbooks in it are loaded too (without reporting them twice).
    public static func load(paths: [String], playbookDirectory: String?, loader: DocumentLoader = DocumentLoader()) -> ScenarioLibrary {
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(.unreadableFile, "no such file or folder", at: SourceLocation(file: path, line: 1, column: 1),
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
        var scenarioDocuments: [DocumentLoader.Document] = []
        for file in extraPlaybookFiles {
            var ignored: [Diagnostic] = []
            if case let .success(document) = loader.load(path: file), kind(of: document.root) == .playbook,
               let playbook = PlaybookReader.read(document, into: &ignored) {
                playbooks.append(playbook)
            }
        }
        for file in files {
            switch loader.load(path: file) {
            case let .failure(list):
                diagnostics += list.diagnostics
            case let .success(document):
                switch kind(of: document.root) {
                case .playbook:
                    if let playbook = PlaybookReader.read(document, into: &diagnostics) { playbooks.append(playbook) }
                case .scenario:
                    scenarioDocuments.append(document)
                case .drill:
                    if let drill = DrillReader.read(document, into: &diagnostics) { drills.append(drill) }
                case .plan:
                    if let plan = TranscriptPlanReader.read(document, into: &diagnostics) { plans.append(plan) }
                case .unknown:
                    diagnostics.append(Diagnostic(.unknownDocumentKind, "this YAML file is neither a scenario nor a playbook",
                        at: DocumentLoader.location(of: document.root, in: document.source),
                        help: "a scenario has `turns:` and `endings:`; a playbook has `tactics:`; a drill has `items:`"))
                }
            }
        }
        diagnostics += duplicateTactics(in: playbooks)
        let catalog = TacticCatalog(playbooks: playbooks)
        if catalog.ids.isEmpty, let first = scenarioDocuments.first {
            diagnostics.append(Diagnostic(.noPlaybooks, "no playbook was found, so tactic ids cannot be checked",
                at: SourceLocation(file: first.source.path, line: 1, column: 1),
                help: "keep the playbooks in `playbooks/` inside the scenario folder, or pass --scenarios DIR"))
        }
        var scenarios: [Scenario] = []
        var seen: [String: SourceLocation] = [:]
        for document in scenarioDocuments {
            guard let scenario = ScenarioReader.read(document, catalog: catalog, into: &diagnostics) else { continue }
            if let first = seen[scenario.id] {
                diagnostics.append(Diagnostic(.duplicateScenarioID, "scenario id `\(scenario.id)` is already used by \(first.file)",
                                              at: scenario.location, help: "give each scenario its own id"))
                continue
            }
            seen[scenario.id] = scenario.location
            scenarios.append(scenario)
        }
        scenarios.sort {
            ($0.language.rawValue, $0.valueType.ordinal, $0.difficulty, $0.id) < ($1.language.rawValue, $1.valueType.ordinal, $1.difficulty, $1.id)
        }
        var drillIDs: [String: SourceLocation] = [:]
        for drill in drills.sorted(by: { $0.location < $1.location }) {
            if let first = drillIDs[drill.id] {
                diagnostics.append(Diagnostic(.duplicateScenarioID, "drill id `\(drill.id)` is already used by \(first.file)",
                                              at: drill.location, help: "give each drill set its own id"))
            }
            drillIDs[drill.id] = drill.location
        }
        let scenarioIDs = Set(scenarios.map(\.id))
        for plan in plans where !scenarioIDs.isEmpty && !scenarioIDs.contains(plan.scenario) {
            // A scenario that exists but failed to load is reported on its own; don't add noise here.
            if !seen.keys.contains(plan.scenario) {
                diagnostics.append(Diagnostic(.undefinedTarget, "transcript test for `\(plan.scenario)`, which is not a scenario here",
                    at: plan.location, help: Suggestion.didYouMean(plan.scenario, among: scenarioIDs) ?? "fix the id or load the scenario too"))
            }
        }
        return ScenarioLibrary(catalog: catalog, scenarios: scenarios,
                               drills: drills.sorted { ($0.language.rawValue, $0.id) < ($1.language.rawValue, $1.id) },
                               plans: plans.sorted { $0.location < $1.location },
                               diagnostics: Diagnostic.sorted(diagnostics), fileCount: files.count)
    }

    enum DocumentKind { case scenario, playbook, drill, plan, unknown }

    static func kind(of root: Node) -> DocumentKind {
        guard case let .mapping(mapping) = root else { return .unknown }
        let keys = Set(mapping.keys.compactMap { $0.scalar?.string })
        if keys.contains("tactics") { return .playbook }
        if keys.contains("items") { return .drill }
        if keys.contains("plays") { return .plan }
        if keys.contains("turns") || keys.contains("endings") || keys.contains("persona") || keys.contains("title") { return .scenario }
        return .unknown
    }

    static func duplicateTactics(in playbooks: [Playbook]) -> [Diagnostic] {
        var seen: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for playbook in playbooks.sorted(by: { $0.file < $1.file }) {
            for tactic in playbook.tactics {
                if let first = seen[tactic.id] {
                    diagnostics.append(Diagnostic(.duplicateID, "tactic `\(tactic.id)` is already defined in \(first)",
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
        while let relative = enumerator.nextObject() as? String {
            entries += 1
            if entries > maxFolderEntries {
                diagnostics.append(Diagnostic(.folderTooLarge,
                    "stopped searching after \(maxFolderEntries) entries; the files found so far are used",
                    at: SourceLocation(file: directory, line: 1, column: 1),
                    help: "point --scenarios at the folder that holds the scenario files"))
                break
            }
            if enumerator.level >= maxFolderDepth, enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory {
                enumerator.skipDescendants()
                if tooDeep == nil { tooDeep = relative }
            }
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            files.append((directory as NSString).appendingPathComponent(relative))
        }
        if let tooDeep {
            diagnostics.append(Diagnostic(.folderTooLarge,
                "sub-folders more than \(maxFolderDepth) levels deep are not searched (first: \(tooDeep))",
                at: SourceLocation(file: directory, line: 1, column: 1),
                help: "keep scenario files within a few levels of the scenario folder"))
        }
        return files.sorted()
    }
}
