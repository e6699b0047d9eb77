import Foundation

/// A cache of what each scenario file of a folder gave when it was last read: its summary (or that
/// it failed) and how many errors it had, keyed by path and `FileStamp`, so listing 10,000
/// scenarios parses only the files that changed. It is valid only for the same reading rules
/// (`salt`, e.g. the `dojo` binary's stamp) and the same tactic catalogue (`catalog`); a missing,
/// damaged or foreign index is simply rebuilt.
public struct ScenarioIndex: Sendable {
    /// What one scenario file gave.
    public struct Entry: Sendable, Hashable {
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

    /// The first word of an index file.
    static let magic = "salesdojo-scenario-index"

    /// The index at `path` when it exists, reads back whole and was made with `salt`; nil otherwise.
    static func read(from path: String, salt: String) -> ScenarioIndex? {
        guard case let .success(bytes?) = RegularFile.contents(of: path, limit: 256 << 20) else { return nil }
        return decode(String(decoding: bytes, as: UTF8.self), salt: salt)
    }

    /// Writes the index to `path` (a temporary file renamed into place; the folder is made 0700).
    /// A cache that cannot be written costs only time, so failures are ignored.
    func write(to path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        try? Data(encoded().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    // The file is text, one line per scenario file, fields separated by tabs (a JSON decoder took
    // half of a 10,000-file listing): a header `magic version salt catalog`, then `path size
    // modified inode errors` and, for a scenario that loaded, `id title language type difficulty
    // turns endings line column` (lists joined by U+001F). Fields escape `\`, tab, line breaks and
    // U+001F, so any text survives.

    func encoded() -> String {
        var out = [Self.magic, String(Self.formatVersion), Self.escape(salt), String(catalog)].joined(separator: "\t") + "\n"
        for (file, entry) in zip(files, entries) {
            var fields = [Self.escape(file), String(entry.stamp.size), String(entry.stamp.modified), String(entry.stamp.inode),
                          String(entry.errors)]
            if let s = entry.summary {
                fields += [Self.escape(s.id), Self.escape(s.title), s.language.rawValue, s.valueType.rawValue, String(s.difficulty),
                           s.turnIDs.map(Self.escape).joined(separator: "\u{1F}"), s.endingIDs.map(Self.escape).joined(separator: "\u{1F}"),
                           String(s.line), String(s.column)]
            }
            out += fields.joined(separator: "\t") + "\n"
        }
        return out
    }

    static func decode(_ text: String, salt: String) -> ScenarioIndex? {
        // Split on bytes: tab, line feed and U+001F are single UTF-8 bytes that occur in no other
        // character, and splitting a String by Character (grapheme breaking) was most of the cost.
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> ScenarioIndex? in
            let lines = buffer.split(separator: 0x0A, omittingEmptySubsequences: true)
            guard let headerLine = lines.first else { return nil }
            let header = headerLine.split(separator: 0x09, omittingEmptySubsequences: false)
            guard header.count == 4, string(header[0]) == magic, Int(string(header[1])) == formatVersion,
                  unescape(string(header[2])[...]) == salt, let catalog = UInt64(string(header[3])) else { return nil }
            var files: [String] = []
            var entries: [Entry] = []
            files.reserveCapacity(lines.count)
            entries.reserveCapacity(lines.count)
            for line in lines.dropFirst() {
                let f = line.split(separator: 0x09, omittingEmptySubsequences: false)
                guard f.count == 5 || f.count == 14, let size = Int64(string(f[1])), let modified = Int64(string(f[2])),
                      let inode = UInt64(string(f[3])), let errors = Int(string(f[4])) else { return nil }
                let file = unescape(string(f[0])[...])
                var summary: ScenarioSummary?
                if f.count == 14 {
                    guard let language = ScenarioLanguage(rawValue: string(f[7])), let type = ValueType(rawValue: string(f[8])),
                          let difficulty = Int(string(f[9])), let line = Int(string(f[12])), let column = Int(string(f[13])) else { return nil }
                    let list = { (field: Slice<UnsafeMutableBufferPointer<UInt8>>) -> [String] in
                        field.isEmpty ? [] : field.split(separator: 0x1F, omittingEmptySubsequences: false).map { unescape(string($0)[...]) }
                    }
                    summary = ScenarioSummary(id: unescape(string(f[5])[...]), title: unescape(string(f[6])[...]), language: language,
                                              valueType: type, difficulty: difficulty, turnIDs: list(f[10]), endingIDs: list(f[11]),
                                              file: file, line: line, column: column)
                }
                files.append(file)
                entries.append(Entry(stamp: FileStamp(size: size, modified: modified, inode: inode), summary: summary, errors: errors))
            }
            return ScenarioIndex(version: formatVersion, salt: salt, catalog: catalog, files: files, entries: entries)
        }
    }

    private static func string(_ bytes: Slice<UnsafeMutableBufferPointer<UInt8>>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x1F }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{1F}": out += "\\u"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func unescape(_ field: Substring) -> String {
        guard field.utf8.contains(0x5C) else { return String(field) }
        var out = ""
        var escaped = false
        for scalar in field.unicodeScalars {
            if escaped {
                switch scalar {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                case "u": out += "\u{1F}"
                default: out.unicodeScalars.append(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A stable fingerprint of what reading a scenario uses from the catalogue: each tactic's id
    /// and value type.
    static func catalogFingerprint(_ catalog: TacticCatalog) -> UInt64 {
        let text = catalog.allTactics.map { "\($0.id)=\($0.valueType?.rawValue ?? "-")" }.sorted().joined(separator: "\n")
        return FNV1a.hash(text.utf8)
    }
}

extension ScenarioLibrary {
    /// The scenario files the index knows unchanged, for the commands that only need to know which
    /// file holds which id: such a file is not opened to sniff it.
    struct KnownFiles: Sendable {
        let index: ScenarioIndex?
        let lookup: [String: Int]

        init(_ location: IndexLocation?) {
            index = location.flatMap { ScenarioIndex.read(from: $0.path, salt: $0.salt) }
            lookup = Dictionary(zip(index?.files ?? [], (index?.files ?? []).indices), uniquingKeysWith: { first, _ in first })
        }

        /// The file's top-level keys and id: from the index for an unchanged scenario that loaded,
        /// otherwise read from the file.
        func sniff(_ file: String, loader: DocumentLoader) -> Sniff? {
            if let index, let id = index.entry(for: file, stamp: FileStamp(path: file), in: lookup)?.summary?.id {
                return Sniff(keys: ["turns"], id: id)
            }
            return ScenarioLibrary.sniff(file, loader: loader)
        }
    }
}
