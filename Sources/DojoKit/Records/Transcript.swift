/// A transcript read back whole: typed records in order. For large files, use `TranscriptReader`
/// directly, which streams.
public struct Transcript: Sendable {
    /// Transcript schema version written in `start` and `drill_start`.
    public static let schemaVersion = 1

    /// The records, unknown kinds included (as `.unknown`).
    public var records: [TranscriptRecord]
    /// Whether the last line was torn (a crash mid-write) and ignored.
    public var tornLastLine: Bool

    /// A line that cannot be read: bad JSON (not at the torn end) or a field out of range.
    public struct DamagedLine: Error, Sendable, Hashable, CustomStringConvertible {
        /// 1-based line number.
        public var line: Int
        /// What is wrong.
        public var message: String
        /// A damaged line.
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
        public var description: String { "damaged at line \(line): \(message)" }
    }

    /// Reads transcript bytes. A last line without its newline that does not parse is the torn end
    /// of an interrupted write and is ignored; damage anywhere else is an error.
    public static func parse(_ bytes: [UInt8]) throws(DamagedLine) -> Transcript {
        let reader = TranscriptReader(bytes: bytes)
        var records: [TranscriptRecord] = []
        while let record = try reader.next() { records.append(record) }
        return Transcript(records: records, tornLastLine: reader.tornLastLine)
    }

    /// The `start` record of a role-play.
    public var start: StartRecord? {
        for case let .start(s) in records { return s }
        return nil
    }

    /// The reply records, in order.
    public var replies: [ReplyRecord] { records.compactMap { if case let .reply(r) = $0 { r } else { nil } } }

    /// The records' event names, in order.
    public var kinds: [String] { records.map(\.kind) }
}
