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
        // Digits written straight into the buffer: building the text from strings cost several allocations a number.
        let milli = Int(scaled)
        if milli < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = abs(milli)
        appendDigits(magnitude / 1000)
        let fraction = magnitude % 1000
        if fraction != 0 {
            // Three decimals, without the trailing zeros.
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / 100))
            if fraction % 100 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10)) }
            if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
        }
    }

    /// The decimal digits of `value` (not negative), as `String(value)` writes them.
    private mutating func appendDigits(_ value: Int) {
        guard value >= 10 else { bytes.append(UInt8(ascii: "0") + UInt8(value)); return }
        appendDigits(value / 10)
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
    /// A boolean.
    public mutating func bool(_ value: Bool) { separator(); bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    /// `null`.
    public mutating func null() { separator(); bytes.append(contentsOf: "null".utf8) }

    private mutating func appendString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escaping: checked and copied in one go straight from the string's UTF-8 storage
        // (appending a `String.UTF8View` goes through the generic collection path).
        var contiguous = value
        let copied = contiguous.withUTF8 { utf8 -> Bool in
            guard !Self.needsEscaping(utf8) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        let input = Array(value.utf8)
        // The bytes between escapes are copied a run at a time, not appended one by one.
        var i = 0, pending = 0
        while i < input.count {
            let b = input[i]
            // A C1 control or a bidi override (both start at or above 0x80): valid JSON raw, but a terminal would act on it.
            let width = b < 0x80 ? 0 : Self.terminalControlWidth(input, at: i)
            guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || width > 0 else {
                i += 1
                continue
            }
            bytes.append(contentsOf: input[pending..<i])
            switch b {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            case 0x00..<0x20, 0x7F: appendEscape(UInt32(b))
            default:
                let scalar = String(decoding: input[i..<(i + width)], as: UTF8.self).unicodeScalars.first?.value ?? 0xFFFD
                appendEscape(scalar)
            }
            i += max(1, width)
            pending = i
        }
        bytes.append(contentsOf: input[pending...])
        bytes.append(UInt8(ascii: "\""))
    }

    /// `\uXXXX` for a scalar of the Basic Multilingual Plane.
    private mutating func appendEscape(_ scalar: UInt32) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: Array("\\u".utf8))
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex[Int((scalar >> UInt32(shift)) & 0xF)]) }
    }

    /// Whether a string needs more than copying: quotes, backslashes, C0 and C1 controls, DEL, and
    /// the bidi overrides and isolates (U+202A–202E, U+2066–2069), which a terminal or an editor
    /// would act on if `dojo` output is shown raw.
    static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return true }
            if (b == 0xC2 || b == 0xE2) && terminalControlWidth(utf8, at: i) > 0 { return true }
            i += 1
        }
        return false
    }

    static func needsEscaping(_ utf8: [UInt8]) -> Bool { utf8.withUnsafeBufferPointer { needsEscaping($0) } }

    /// The UTF-8 length of a C1 control (U+0080–009F) or a bidi control (U+202A–202E, U+2066–2069)
    /// starting at `i`, or 0.
    static func terminalControlWidth(_ utf8: some RandomAccessCollection<UInt8>, at i: Int) -> Int {
        let start = utf8.index(utf8.startIndex, offsetBy: i)
        let b = utf8[start]
        let rest = utf8.count - i
        if b == 0xC2, rest >= 2 {
            let next = utf8[utf8.index(after: start)]
            return (0x80...0x9F).contains(next) ? 2 : 0
        }
        if b == 0xE2, rest >= 3 {
            let b1 = utf8[utf8.index(start, offsetBy: 1)], b2 = utf8[utf8.index(start, offsetBy: 2)]
            if b1 == 0x80 && (0xAA...0xAE).contains(b2) { return 3 }
            if b1 == 0x81 && (0xA6...0xA9).contains(b2) { return 3 }
        }
        return 0
    }
}
