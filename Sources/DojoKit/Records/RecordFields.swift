/// The fields of one transcript line, read with range checks: a transcript is untrusted input, so
/// every number is checked to be whole and in range before it becomes an `Int`, and every wrong type
/// is a "damaged at line N" error instead of a trap or a silent default.
public struct RecordFields: Sendable {
    let members: [(String, JSONValue)]
    /// 1-based line number in the transcript.
    public let line: Int
    let path: String

    /// The fields of a JSON object; anything else is damage.
    public init(_ value: JSONValue, line: Int) throws(Transcript.DamagedLine) {
        guard case let .object(members) = value else {
            throw Transcript.DamagedLine(line: line, message: "the line is not a JSON object")
        }
        self.init(members: members, line: line, path: "")
    }

    init(members: [(String, JSONValue)], line: Int, path: String) {
        self.members = members
        self.line = line
        self.path = path
    }

    /// The raw value of a member (last one wins); nil when missing.
    public subscript(key: String) -> JSONValue? { members.last { $0.0 == key }?.1 }

    private func name(_ key: String) -> String { "\"" + path + key + "\"" }

    func damaged(_ key: String, _ message: String) -> Transcript.DamagedLine {
        Transcript.DamagedLine(line: line, message: "\(name(key)) \(message)")
    }

    /// A required string.
    public func string(_ key: String) throws(Transcript.DamagedLine) -> String {
        guard let value = try optionalString(key) else { throw damaged(key, "is missing") }
        return value
    }

    /// A string, or nil when missing or null.
    public func optionalString(_ key: String) throws(Transcript.DamagedLine) -> String? {
        switch self[key] {
        case nil, .null?: return nil
        case let .string(s)?: return s
        case let other?: throw damaged(key, "should be a string, not \(Self.describe(other))")
        }
    }

    /// A required whole number in `range`.
    public func int(_ key: String, in range: ClosedRange<Int>) throws(Transcript.DamagedLine) -> Int {
        guard let value = try optionalInt(key, in: range) else { throw damaged(key, "is missing") }
        return value
    }

    /// A whole number in `range`, or nil when missing or null.
    public func optionalInt(_ key: String, in range: ClosedRange<Int>) throws(Transcript.DamagedLine) -> Int? {
        switch self[key] {
        case nil, .null?: return nil
        case let .number(n)?:
            // Compare as Double first: converting 1e19 or infinity to Int would trap.
            guard n.isFinite, n == n.rounded(), n >= Double(range.lowerBound), n <= Double(range.upperBound) else {
                throw damaged(key, "is \(Self.describe(.number(n))); expected a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return Int(n)
        case let other?: throw damaged(key, "should be a number, not \(Self.describe(other))")
        }
    }

    /// A number in `range` (0 when missing).
    public func double(_ key: String, in range: ClosedRange<Double>) throws(Transcript.DamagedLine) -> Double {
        switch self[key] {
        case nil, .null?: return 0
        case let .number(n)?:
            guard n.isFinite, range.contains(n) else {
                throw damaged(key, "is \(Self.describe(.number(n))); expected a number from \(range.lowerBound) to \(range.upperBound)")
            }
            return n
        case let other?: throw damaged(key, "should be a number, not \(Self.describe(other))")
        }
    }

    /// A boolean, or nil when missing or null.
    public func optionalBool(_ key: String) throws(Transcript.DamagedLine) -> Bool? {
        switch self[key] {
        case nil, .null?: return nil
        case let .bool(b)?: return b
        case let other?: throw damaged(key, "should be true or false, not \(Self.describe(other))")
        }
    }

    /// A boolean, false when missing.
    public func bool(_ key: String) throws(Transcript.DamagedLine) -> Bool { try optionalBool(key) ?? false }

    /// An array of strings (empty when missing).
    public func strings(_ key: String) throws(Transcript.DamagedLine) -> [String] {
        var out: [String] = []
        for (index, item) in try array(key).enumerated() {
            guard case let .string(s) = item else {
                throw damaged(key, "item \(index + 1) should be a string, not \(Self.describe(item))")
            }
            out.append(s)
        }
        return out
    }

    /// An array (empty when missing).
    public func array(_ key: String) throws(Transcript.DamagedLine) -> [JSONValue] {
        switch self[key] {
        case nil, .null?: return []
        case let .array(items)?: return items
        case let other?: throw damaged(key, "should be a list, not \(Self.describe(other))")
        }
    }

    /// An array of objects (empty when missing), each read with the same checks.
    public func objects(_ key: String) throws(Transcript.DamagedLine) -> [RecordFields] {
        var out: [RecordFields] = []
        for (index, item) in try array(key).enumerated() {
            guard case let .object(members) = item else {
                throw damaged(key, "item \(index + 1) should be an object, not \(Self.describe(item))")
            }
            out.append(RecordFields(members: members, line: line, path: path + key + "[\(index + 1)]."))
        }
        return out
    }

    /// A nested object, or nil when missing or null.
    public func optionalObject(_ key: String) throws(Transcript.DamagedLine) -> RecordFields? {
        switch self[key] {
        case nil, .null?: return nil
        case let .object(members)?: return RecordFields(members: members, line: line, path: path + key + ".")
        case let other?: throw damaged(key, "should be an object, not \(Self.describe(other))")
        }
    }

    /// A value of a `RawRepresentable` string enum, or nil when missing or null.
    public func optionalEnum<T: RawRepresentable>(_ key: String, _ type: T.Type) throws(Transcript.DamagedLine) -> T? where T.RawValue == String {
        guard let raw = try optionalString(key) else { return nil }
        guard let value = T(rawValue: raw) else { throw damaged(key, "has an unknown value \"\(Self.clip(raw))\"") }
        return value
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case let .bool(b): b ? "true" : "false"
        case let .number(n): n.isFinite && abs(n) < 1e15 && n == n.rounded() ? String(Int(n)) : "\(n)"
        case let .string(s): "the text \"\(clip(s))\""
        case .array: "a list"
        case .object: "an object"
        }
    }

    static func clip(_ s: String) -> String { s.count > 40 ? String(s.prefix(40)) + "…" : s }
}
