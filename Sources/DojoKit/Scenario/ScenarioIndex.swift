import Foundation

/// A cache of what each scenario file of a folder gave when it was last read: its summary (or that
/// it failed) and how many errors it had, keyed by path and `FileStamp`, so listing 10,000
/// scenarios parses only the files that changed. It is valid only for the same reading rules
/// (`salt`, e.g. the `dojo` binary's stamp) and the same tactic catalogue (`catalog`); a missing,
/// damaged or foreign index is simply rebuilt.
public struct ScenarioIndex: Sendable, Codable {
    /// What one scenario file gave.
    public struct Entry: Sendable, Codable, Hashable {
        /// The file's stamp when it was read.
        public var stamp: FileStamp
        /// The scenario, or nil when the file had errors that kept it out.
        public var summary: ScenarioSummary?
        /// Errors the file had on its own (checks across files are made afresh each time).
        public var errors: Int
    }

    /// Bumped whenever the layout or the meaning of an entry changes.
    static let formatVersion = 1

    /// `formatVersion` when written.
    var version: Int
    /// The reading rules the entries were made with.
    var salt: String
    /// `catalogFingerprint` of the catalogue the scenarios were checked against.
    var catalog: UInt64
    /// Scenario files by path (sorted by path when written).
    var files: [String]
    /// Entries, in the order of `files`.
    var entries: [Entry]

    /// The entry for `path` when its stamp is still `stamp`.
    func entry(for path: String, stamp: FileStamp?, in lookup: [String: Int]) -> Entry? {
        guard let stamp, let index = lookup[path], entries[index].stamp == stamp else { return nil }
        return entries[index]
    }

    /// The index at `path` when it exists, decodes and was made with `salt`; nil otherwise.
    static func read(from path: String, salt: String) -> ScenarioIndex? {
        guard case let .success(bytes?) = RegularFile.contents(of: path, limit: 256 << 20),
              let index = try? JSONDecoder().decode(ScenarioIndex.self, from: Data(bytes)),
              index.version == formatVersion, index.salt == salt, index.files.count == index.entries.count else { return nil }
        return index
    }

    /// Writes the index to `path` (a temporary file renamed into place; the folder is made 0700).
    /// A cache that cannot be written costs only time, so failures are ignored.
    func write(to path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        guard let data = try? JSONEncoder().encode(self) else { return }
        try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// A stable fingerprint of what reading a scenario uses from the catalogue: each tactic's id
    /// and value type.
    static func catalogFingerprint(_ catalog: TacticCatalog) -> UInt64 {
        let text = catalog.allTactics.map { "\($0.id)=\($0.valueType?.rawValue ?? "-")" }.sorted().joined(separator: "\n")
        return FNV1a.hash(text.utf8)
    }
}
