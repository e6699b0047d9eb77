/// A transcript read back from its JSON Lines: the events as JSON values, in order.
public struct Transcript: Sendable {
    /// Parsed events.
    public var events: [JSONValue]
    /// Whether the last line was torn (a crash mid-write) and ignored.
    public var tornLastLine: Bool

    /// A line other than the last that does not parse.
    public struct DamagedLine: Error, Sendable, Hashable, CustomStringConvertible {
        /// 1-based line number.
        public var line: Int
        /// The parse error.
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Parses transcript bytes. A last line without its newline that does not parse is the torn
    /// end of an interrupted write and is ignored; damage anywhere else is an error.
    public static func parse(_ bytes: [UInt8]) throws(DamagedLine) -> Transcript {
        var events: [JSONValue] = []
        var torn = false
        var lineStart = 0
        var number = 0
        while lineStart < bytes.count {
            number += 1
            let newline = bytes[lineStart...].firstIndex(of: 0x0A)
            let end = newline ?? bytes.count
            let line = bytes[lineStart..<end]
            lineStart = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
            do {
                events.append(try JSONValue.parse(line))
            } catch {
                if newline == nil { torn = true; break }
                throw DamagedLine(line: number, message: error.description)
            }
        }
        return Transcript(events: events, tornLastLine: torn)
    }

    /// The start event's fields.
    public var start: JSONValue? { events.first { $0["event"]?.stringValue == "start" } }

    /// The reply events, in order.
    public var replies: [JSONValue] { events.filter { $0["event"]?.stringValue == "reply" } }
}
