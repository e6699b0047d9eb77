import Foundation

/// The two passes that read a scenario folder, and the key sniffing that lets a command read only
/// the files it needs.
extension ScenarioLibrary {
    /// What pass 1 or 2 made of one file.
    struct FirstPassResult: Sendable {
        enum Content: Sendable {
            case scenarioFile, scenario(Scenario), playbook(Playbook), drill(DrillSet), plan(TranscriptPlan), track(Track), nothing
        }
        var content: Content
        var diagnostics: [Diagnostic]
    }

    /// Pass 1: a file that looks like a scenario is left for pass 2; anything else is read.
    static func readNonScenario(_ file: String, loader: DocumentLoader) -> FirstPassResult {
        if sniffedKind(file, loader: loader) == .scenario { return FirstPassResult(content: .scenarioFile, diagnostics: []) }
        return read(file, catalog: nil, loader: loader)
    }

    /// Pass 2: a scenario file read against the catalogue (or whatever it turns out to be).
    static func readScenarioFile(_ file: String, catalog: TacticCatalog, loader: DocumentLoader) -> FirstPassResult {
        read(file, catalog: catalog, loader: loader)
    }

    /// Reads one file; a scenario needs `catalog` (without one it is only noted).
    static func read(_ file: String, catalog: TacticCatalog?, loader: DocumentLoader) -> FirstPassResult {
        var diagnostics: [Diagnostic] = []
        switch loader.load(path: file) {
        case let .failure(list):
            return FirstPassResult(content: .nothing, diagnostics: list.diagnostics)
        case let .success(document):
            let content: FirstPassResult.Content
            switch kind(of: document.root) {
            case .playbook:
                content = PlaybookReader.read(document, into: &diagnostics).map { .playbook($0) } ?? .nothing
            case .scenario:
                guard let catalog else { return FirstPassResult(content: .scenarioFile, diagnostics: []) }
                content = ScenarioReader.read(document, catalog: catalog, into: &diagnostics).map { .scenario($0) } ?? .nothing
            case .drill:
                content = DrillReader.read(document, into: &diagnostics).map { .drill($0) } ?? .nothing
            case .plan:
                content = TranscriptPlanReader.read(document, into: &diagnostics).map { .plan($0) } ?? .nothing
            case .track:
                content = TrackReader.read(document, into: &diagnostics).map { .track($0) } ?? .nothing
            case .unknown:
                diagnostics.append(Diagnostic(.unknownDocumentKind,
                    at: DocumentLoader.location(of: document.root, in: document.source),
                    help: "a scenario has `turns:` and `endings:`; a playbook has `tactics:`; a drill has `items:`"))
                content = .nothing
            }
            return FirstPassResult(content: content, diagnostics: diagnostics)
        }
    }

    /// A file's top-level keys and `id`, read from lines `key: value` at column 0 without parsing.
    struct Sniff: Sendable {
        var keys: Set<String>
        var id: String?
    }

    /// nil whenever the text is not plain block style (flow mappings, quoted keys, several
    /// documents): such a file is always parsed.
    static func sniff(_ file: String, loader: DocumentLoader) -> Sniff? {
        guard case let .success(bytes?) = RegularFile.contents(of: file, limit: loader.maxBytes) else { return nil }
        var result = Sniff(keys: [], id: nil)
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            guard let first = line.unicodeScalars.first else { continue }
            if first == "#" || first == " " || first == "\t" || first == "\r" { continue }
            // An item of a list written at column 0 under a key (`turns:` then `- id: opening`).
            if first == "-" && (line.count == 1 || line.dropFirst().first == " ") { continue }
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || $0 == "_" }) else { return nil }
            let key = String(line[..<colon])
            result.keys.insert(key)
            if key == "id" {
                var value = String(line[line.index(after: colon)...]).trimmingWhitespace()
                if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]).trimmingWhitespace() }
                if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                    value = String(value.dropFirst().dropLast())
                }
                result.id = value
            }
        }
        return result
    }

    /// The kind of a file judged from its top-level keys; `.unknown` when unsure, so it gets parsed.
    static func sniffedKind(_ file: String, loader: DocumentLoader) -> DocumentKind {
        guard let keys = sniff(file, loader: loader)?.keys else { return .unknown }
        if keys.contains("tactics") || keys.contains("items") || keys.contains("plays") || keys.contains("steps") { return .unknown }
        return ["turns", "endings", "persona", "title"].contains(where: keys.contains) ? .scenario : .unknown
    }

    /// `body` over `items` on every core; results in the order of `items`.
    static func parallelMap<T: Sendable>(_ items: [String], _ body: @Sendable (String) -> T) -> [T] {
        guard items.count > 1 else { return items.map(body) }
        let slots = Slots<T>(count: items.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < items.count {
                slots.store(body(items[index]), at: index)
                index += workers
            }
        }
        return slots.values
    }

    /// Per-index result slots that worker threads fill, each index once.
    final class Slots<T: Sendable>: @unchecked Sendable {
        private var slots: [T?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func store(_ value: T, at index: Int) { lock.lock(); slots[index] = value; lock.unlock() }
        var values: [T] { slots.compactMap { $0 } }
    }
}
