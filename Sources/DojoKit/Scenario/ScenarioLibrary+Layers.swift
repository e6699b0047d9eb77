import Foundation

/// The shipped library with an author's folders on top: `dojo play ID --scenarios mine` finds the
/// shipped playbooks (and scenarios, drills, tracks) without copying them into `mine`.
///
/// The author's files win: a playbook in an author's folder with the `type` of a shipped playbook
/// (`intrinsic`, `extrinsic`, `strategic` or `any`) replaces that shipped playbook, and a scenario, drill
/// set or track with the `id` of a shipped one replaces it; the library lists each in `overrides` so the
/// commands can say so. Everything else adds up. Two of the author's own files with one id are still a
/// duplicate (DJ0014, DJ0028).
extension ScenarioLibrary {
    /// A shipped file replaced by one from an author's folder.
    public struct Override: Sendable, Hashable {
        /// What was replaced: `playbook`, `scenario`, `drill set` or `track`.
        public var kind: String
        /// The playbook type or the id, e.g. `intrinsic` or `customer-a-lowest-quote`.
        public var key: String
        /// The shipped file left out.
        public var shipped: String
        /// The author's file used instead.
        public var replacement: String
    }

    /// Loads `shipped` (the shipped `Scenarios` folder; nil when there is none) with `overlays` (folders or
    /// files) on top. A file given both ways is read once, as an overlay file. With `index` (the scenario
    /// index `dojo list` keeps), a scenario file the index knows unchanged is not opened to learn its id.
    public static func load(shipped: String?, overlays: [String], need: Need = .everything, index: IndexLocation? = nil,
                            loader: DocumentLoader = DocumentLoader()) -> ScenarioLibrary {
        let known = KnownFiles(index)
        let layers = layeredFiles(shipped: shipped, overlays: overlays, known: known, loader: loader)
        var library = load(files: layers.files, need: need, known: known, loader: loader)
        library.diagnostics = Diagnostic.sorted(layers.walkDiagnostics + library.diagnostics)
        library.overrides = layers.overrides
        library.shippedFiles = layers.shippedFiles
        return library
    }

    /// The files of the shipped folder and the author's folders, with what the author's replaced.
    struct Layers {
        var files: [String]
        var overrides: [Override]
        var shippedFiles: Set<String>
        var walkDiagnostics: [Diagnostic]
    }

    static func layeredFiles(shipped: String?, overlays: [String], known: KnownFiles, loader: DocumentLoader) -> Layers {
        var walkDiagnostics: [Diagnostic] = []
        var overlayFiles: [String] = []
        for path in overlays {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                walkDiagnostics.append(Diagnostic(.unreadableFile, variant: "missing-path",
                                                  at: SourceLocation(file: path, line: 1, column: 1), help: "check the path"))
                continue
            }
            overlayFiles += isDirectory.boolValue ? yamlFiles(in: path, into: &walkDiagnostics) : [path]
        }
        // A file named both on its own and inside a given folder is read once.
        var seenOverlay = Set<String>()
        overlayFiles = overlayFiles.filter { seenOverlay.insert(standardized($0)).inserted }
        let given = seenOverlay
        var shippedFiles = shipped.map { yamlFiles(in: $0, into: &walkDiagnostics) } ?? []
        shippedFiles.removeAll { given.contains(standardized($0)) }

        var replacements: [String: String] = [:]
        let keys = parallelMap(overlayFiles) { overrideKey($0, known: known, loader: loader) }
        for (file, key) in zip(overlayFiles, keys) {
            if let key, replacements[key.joined()] == nil { replacements[key.joined()] = file }
        }
        var overrides: [Override] = []
        if !replacements.isEmpty {
            shippedFiles.removeAll { file in
                guard let key = overrideKey(file, known: known, loader: loader), let replacement = replacements[key.joined()] else { return false }
                overrides.append(Override(kind: key[0], key: key[1], shipped: file, replacement: replacement))
                return true
            }
        }
        return Layers(files: shippedFiles + overlayFiles, overrides: overrides.sorted { ($0.kind, $0.key) < ($1.kind, $1.key) },
                      shippedFiles: overlays.isEmpty ? [] : Set(shippedFiles), walkDiagnostics: walkDiagnostics)
    }

    /// Whether a diagnostic, plan or file belongs to the shipped library rather than to an author's folder.
    /// Always false when no author's folder was given.
    public func isShipped(_ file: String?) -> Bool {
        guard let file else { return false }
        return shippedFiles.contains(file)
    }

    /// The diagnostics of the author's files (all of them when no author's folder was given).
    public var authoredDiagnostics: [Diagnostic] { diagnostics.filter { !isShipped($0.location?.file) } }

    /// The library restricted to the author's files, for what `validate`, `test` and `lint` report on: the
    /// shipped files still gave the catalogue and the ids the author's files refer to. The catalogue is kept whole.
    public func authored() -> ScenarioLibrary {
        guard !shippedFiles.isEmpty else { return self }
        var copy = self
        copy.diagnostics = authoredDiagnostics
        copy.scenarios = scenarios.filter { !isShipped($0.location.file) }
        copy.drills = drills.filter { !isShipped($0.location.file) }
        copy.plans = plans.filter { !isShipped($0.location.file) }
        copy.tracks = tracks.filter { !isShipped($0.location.file) }
        copy.fileCount = max(0, fileCount - shippedFiles.count)
        return copy
    }

    /// The notes that say which shipped files the author's replaced, one line each.
    public var overrideNotes: [String] {
        overrides.map { "note: \($0.replacement) replaces the shipped \($0.kind) `\($0.key)` (\($0.shipped))." }
    }

    /// The playbooks read from the author's files.
    public var authoredPlaybooks: [Playbook] { catalog.playbooks.filter { !isShipped($0.file) } }

    /// Loads a list of files, reading only what `need` asks for (see `load(directory:need:)`).
    static func load(files: [String], need: Need, known: KnownFiles = KnownFiles(nil), loader: DocumentLoader) -> ScenarioLibrary {
        if need == .everything { return load(paths: files, playbookDirectory: nil, loader: loader) }
        let selected = needed(files, sniffed: parallelMap(files) { known.sniff($0, loader: loader) }, for: need)
        let library = load(paths: selected, playbookDirectory: nil, loader: loader)
        return library.suffices(for: need) ? library : load(paths: files, playbookDirectory: nil, loader: loader)
    }

    static func standardized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// What a file would replace: [kind, key] — a playbook by `type`, a scenario, drill set or track by `id`;
    /// nil for other files (tests, unreadable files).
    static func overrideKey(_ file: String, known: KnownFiles = KnownFiles(nil), loader: DocumentLoader) -> [String]? {
        let sniffed = known.sniff(file, loader: loader)
        if file.split(separator: "/").contains("playbooks") || sniffed == nil || sniffed?.keys.contains("tactics") == true {
            guard case let .success(document) = loader.load(path: file), kind(of: document.root) == .playbook,
                  let type = document.root.mapping?["type"]?.string else { return nil }
            return ["playbook", type]
        }
        guard let sniffed, let id = sniffed.id else { return nil }
        if sniffed.keys.contains("items") { return ["drill set", id] }
        if sniffed.keys.contains("steps") { return ["track", id] }
        if sniffed.keys.contains("plays") { return nil }
        return kind(ofSniffed: sniffed.keys) == .scenario ? ["scenario", id] : nil
    }
}
