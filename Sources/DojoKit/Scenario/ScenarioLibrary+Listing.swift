import Foundation

/// `dojo list` over a large folder: scenario files unchanged since the index was written are not
/// opened; the few other files (playbooks, drills, tests, tracks) are read every time, and the
/// checks across files are made afresh, so the listing and its error count match a full load.
extension ScenarioLibrary {
    /// Where the scenario index of a folder lives and which reading rules it belongs to.
    public struct IndexLocation: Sendable, Hashable {
        /// The index file.
        public var path: String
        /// The reading rules (e.g. the `dojo` binary's stamp): an index made by other rules is rebuilt.
        public var salt: String

        /// Creates a location.
        public init(path: String, salt: String) {
            self.path = path
            self.salt = salt
        }
    }

    /// The scenarios of `directory` and its error count, using and refreshing the index at
    /// `index` (nil: no index, every file is parsed).
    public static func listing(directory: String, index location: IndexLocation?,
                               loader: DocumentLoader = DocumentLoader()) -> ScenarioListing {
        var diagnostics: [Diagnostic] = []
        let files = yamlFiles(in: directory, into: &diagnostics)
        return listing(files: files, walkDiagnostics: diagnostics, old: KnownFiles(location).index, location: location, loader: loader) {
            load(directory: directory, loader: loader)
        }
    }

    /// The scenarios of the shipped library with the author's folders on top (as `load(shipped:overlays:)`
    /// composes them) and the error count, using and refreshing the index at `index`.
    public static func listing(shipped: String?, overlays: [String], index location: IndexLocation?,
                               loader: DocumentLoader = DocumentLoader()) -> ScenarioListing {
        let known = KnownFiles(location)
        let layers = layeredFiles(shipped: shipped, overlays: overlays, known: known, loader: loader)
        return listing(files: layers.files, walkDiagnostics: layers.walkDiagnostics, old: known.index, location: location,
                       loader: loader) {
            load(shipped: shipped, overlays: overlays, loader: loader)
        }
    }

    /// The listing of `files`; `fullLoad` reads everything the usual way when the key sniffing turns out wrong.
    static func listing(files: [String], walkDiagnostics: [Diagnostic], old: ScenarioIndex?, location: IndexLocation?,
                        loader: DocumentLoader, fullLoad: () -> ScenarioLibrary) -> ScenarioListing {
        var diagnostics = walkDiagnostics
        let stamps = parallelMap(files) { FileStamp(path: $0) }
        let lookup = Dictionary(zip(old?.files ?? [], (old?.files ?? []).indices), uniquingKeysWith: { first, _ in first })
        let cached = files.indices.map { old?.entry(for: files[$0], stamp: stamps[$0], in: lookup) }

        // Pass 1: every file the index does not know as an unchanged scenario.
        let unknown = files.indices.filter { cached[$0] == nil }
        let firstPass = parallelMap(unknown.map { files[$0] }) { readNonScenario($0, loader: loader) }
        var isScenarioFile = cached.map { $0 != nil }
        var playbooks: [Playbook] = []
        var drills: [DrillSet] = []
        var plans: [TranscriptPlan] = []
        var tracks: [Track] = []
        for (index, result) in zip(unknown, firstPass) {
            diagnostics += result.diagnostics
            switch result.content {
            case .scenarioFile: isScenarioFile[index] = true
            case let .playbook(playbook): playbooks.append(playbook)
            case let .drill(drill): drills.append(drill)
            case let .plan(plan): plans.append(plan)
            case let .track(track): tracks.append(track)
            case .scenario, .nothing: break
            }
        }
        diagnostics += duplicateTactics(in: playbooks)
        let catalog = TacticCatalog(playbooks: playbooks)
        let fingerprint = ScenarioIndex.catalogFingerprint(catalog)

        // Pass 2: scenario files that changed, or all of them when the catalogue changed.
        let scenarioFiles = files.indices.filter { isScenarioFile[$0] }
        let stale = scenarioFiles.filter { cached[$0] == nil || old?.catalog != fingerprint }
        // Each file is summarised on its worker, so no parsed scenario outlives its own read.
        let secondPass = parallelMap(stale.map { files[$0] }) { file -> ScenarioIndex.Entry? in
            let result = readScenarioFile(file, catalog: catalog, loader: loader)
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            switch result.content {
            case let .scenario(scenario):
                return ScenarioIndex.Entry(stamp: .unknown, summary: ScenarioSummary(scenario), errors: errors)
            case .nothing, .scenarioFile:
                return ScenarioIndex.Entry(stamp: .unknown, summary: nil, errors: errors)
            case .playbook, .drill, .plan, .track:
                return nil
            }
        }
        // What each scenario file gave (summary, own errors); `entries` are those that go to the index.
        var outcomes: [Int: (summary: ScenarioSummary?, errors: Int)] = [:]
        var entries: [Int: ScenarioIndex.Entry] = [:]
        for (index, read) in zip(stale, secondPass) {
            guard var entry = read else {
                // The key sniffing guessed wrong and the catalogue may change: read it all as `validate` does.
                let library = fullLoad()
                return ScenarioListing(scenarios: library.scenarios.map(ScenarioSummary.init), errorCount: library.errors.count,
                                       parsedScenarioFiles: files.count)
            }
            outcomes[index] = (entry.summary, entry.errors)
            if let stamp = stamps[index] {
                entry.stamp = stamp
                entries[index] = entry
            }
        }
        for index in scenarioFiles where outcomes[index] == nil {
            guard let entry = cached[index] else { continue }
            outcomes[index] = (entry.summary, entry.errors)
            entries[index] = entry
        }

        if catalog.ids.isEmpty, let first = scenarioFiles.first {
            diagnostics.append(Diagnostic(.noPlaybooks,
                at: SourceLocation(file: files[first], line: 1, column: 1),
                help: "keep the playbooks in `playbooks/` inside the scenario folder, or pass --scenarios DIR"))
        }
        let results = scenarioFiles.compactMap { outcomes[$0] }
        let read = results.compactMap(\.summary)
        let kept = crossFileChecks(scenarios: read, drills: drills, plans: plans, tracks: tracks, into: &diagnostics)
        let errorCount = diagnostics.filter { $0.severity == .error }.count + results.reduce(0) { $0 + $1.errors }

        if let location {
            let indexed = scenarioFiles.filter { entries[$0] != nil }
            let fresh = ScenarioIndex(version: ScenarioIndex.formatVersion, salt: location.salt, catalog: fingerprint,
                                      files: indexed.map { files[$0] }, entries: indexed.compactMap { entries[$0] })
            if old == nil || !stale.isEmpty || old?.files != fresh.files { fresh.write(to: location.path) }
        }
        return ScenarioListing(scenarios: kept.map { read[$0] }.sorted(by: ScenarioSummary.libraryOrder),
                               errorCount: errorCount, parsedScenarioFiles: stale.count)
    }
}
