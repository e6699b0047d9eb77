/// Appends compact JSON to a byte buffer: keys in the order written, strings escaped per RFC 8259,
/// numbers in a fixed format. Deterministic and fast for the streaming paths.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    /// An empty writer.
    public init() {}

    /// The output as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    /// `{`.
    public mutating func beginObject() { separator(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    /// `}`.
    public mutating func endObject() { needsComma.removeLast(); bytes.append(UInt8(ascii: "}")) }
    /// `[`.
    public mutating func beginArray() { separator(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    /// `]`.
    public mutating func endArray() { needsComma.removeLast(); bytes.append(UInt8(ascii: "]")) }

    /// `"key":` inside an object; the value follows.
    public mutating func key(_ key: String) {
        separator()
        appendString(key)
        bytes.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = false
    }

    /// A string value.
    public mutating func string(_ value: String) { separator(); appendString(value) }
    /// An optional string (null when nil).
    public mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    /// An integer.
    public mutating func int(_ value: Int) { separator(); bytes.append(contentsOf: String(value).utf8) }
    /// A number with up to three decimals, trailing zeros dropped (0.6, 1, 0.125).
    /// Not-a-number and infinities (which JSON cannot hold) are written as `null`; magnitudes too
    /// large for the fixed format are written in Swift's shortest round-trip form.
    public mutating func number(_ value: Double) {
        separator()
        guard value.isFinite else { bytes.append(contentsOf: "null".utf8); return }
        let scaled = (value * 1000).rounded()
        guard abs(scaled) < 9e15 else {
            bytes.append(contentsOf: (value == value.rounded() && abs(value) < 9.007_199_254_740_992e15
                ? String(Int64(value)) : String(value)).utf8)
            return
        }
        let milli = Int(scaled)
        var text = milli < 0 ? "-" : ""
        let magnitude = abs(milli)
        text += String(magnitude / 1000)
        let fraction = magnitude % 1000
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 3 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        bytes.append(contentsOf: text.utf8)
    }
    /// A boolean.
    public mutating func bool(_ value: Bool) { separator(); bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    /// `null`.
    public mutating func null() { separator(); bytes.append(contentsOf: "null".utf8) }

    private mutating func appendString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escaping: copy them in one go.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
            bytes.append(contentsOf: value.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for b in value.utf8 {
            switch b {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            case 0x00..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(b >> 4)])
                bytes.append(hex[Int(b & 0xF)])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
