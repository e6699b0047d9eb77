import Foundation

/// A reply folded for matching — NFKC (full-width digits and punctuation become ASCII), lower case,
/// Traditional → Simplified, runs of whitespace as one space — with a map back to the original so
/// every piece of evidence can quote the rep's own words.
public struct NormalizedText: Sendable {
    /// The folded scalars, as code points.
    public private(set) var scalars: [UInt32]
    /// For each folded scalar, the UTF-8 offset in the original text of the scalar it came from.
    public private(set) var origins: [Int32]
    /// The original text.
    private let original: String

    /// What the fold noted about the text on its way through it, so that no other pass over the text has to.
    struct Notes {
        /// Whether the text has a CJK ideograph (U+3400–U+9FFF), as `String.containsCJK` says.
        var containsCJK = false
        /// Whether the folded text has a letter a–z: without one, English stemming changes nothing.
        var hasLowercaseLetter = false
        /// The folded text's length in units, `Analysis.lengthUnits(scalars)`.
        var lengthUnits = 0
    }

    /// Folds `text`.
    public init(_ text: String) {
        var buffers = ReplyBuffers(), notes = Notes()
        self.init(text, reusing: &buffers, notes: &notes)
    }

    /// Folds `text` into `buffers.scalars` and `buffers.origins`, taking them (the evaluator gives them back after
    /// the reply, and the next reply folds into the same storage); `notes` says what the fold saw.
    init(_ text: String, reusing buffers: inout ReplyBuffers, notes: inout Notes) {
        var scalars: [UInt32] = [], origins: [Int32] = []
        swap(&scalars, &buffers.scalars)
        swap(&origins, &buffers.origins)
        // NFKC rarely makes more scalars than the UTF-8 has bytes (ﷺ makes 18 of 3), so the buffers are
        // sized for the common case, and a text that outgrows them is folded again into larger ones.
        var capacity = text.utf8.count
        while !Self.fold(text, capacity: capacity, into: &scalars, &origins, notes: &notes) { capacity *= 4 }
        self.original = text
        self.scalars = scalars
        self.origins = origins
    }

    /// Moves the folded text's storage back to `buffers` for the next reply; the text is empty after it.
    mutating func recycle(into buffers: inout ReplyBuffers) {
        swap(&scalars, &buffers.scalars)
        swap(&origins, &buffers.origins)
    }

    /// Folds `text` into `scalars` and `origins` (resized and overwritten, whatever they held), at most `capacity` scalars;
    /// false when that is too few.
    private static func fold(_ text: String, capacity: Int, into scalars: inout [UInt32], _ origins: inout [Int32],
                             notes: inout Notes) -> Bool {
        // The arrays are filled through pointers: sized to `capacity` first, cut to what was written after.
        scalars.resizeForOverwrite(to: capacity, filler: 0)
        origins.resizeForOverwrite(to: capacity, filler: 0)
        var overflow = false, seen = Notes()
        var written = 0
        scalars.withUnsafeMutableBufferPointer { folded in
            origins.withUnsafeMutableBufferPointer { from in
                var utf8 = text
                utf8.withUTF8 { bytes in
                    TraditionalToSimplified.table.withUnsafeBufferPointer { t2s in
                        asciiClasses.withUnsafeBufferPointer { ascii in
                            (written, overflow, seen) = foldBytes(bytes, t2s: t2s, ascii: ascii, into: folded, from)
                        }
                    }
                }
            }
        }
        scalars.removeLast(capacity - written)
        origins.removeLast(capacity - written)
        notes = seen
        return !overflow
    }

    /// The folding loop over the text's UTF-8 into `folded` and `from` (`folded.count` scalars at most): how many were
    /// written, whether they were too few, and what it noted on the way (the length units are counted on the folded
    /// scalars as they are written, exactly as `Analysis.lengthUnits` counts them: that pass cost about 600 instructions
    /// a reply). A function of its own, its state in locals: inside the closures of `fold`, the count and the state were
    /// captured, kept in memory, and loaded and stored again for every scalar.
    private static func foldBytes(_ bytes: UnsafeBufferPointer<UInt8>, t2s: UnsafeBufferPointer<UInt32>,
                                  ascii: UnsafeBufferPointer<UInt8>, into folded: UnsafeMutableBufferPointer<UInt32>,
                                  _ from: UnsafeMutableBufferPointer<Int32>)
        -> (written: Int, overflow: Bool, notes: Notes) {
        let capacity = folded.count
        precondition(ascii.count == 0x80)
        var n = 0, lastWasSpace = true, overflow = false, sawCJK = false
        // Length units: `units` so far, and whether the last folded scalar was a letter or digit (`Analysis.unit`), as
        // 0 or 1; `classes`: the ASCII classes seen, or-ed (`AsciiClass.letter` tells whether a letter a–z was).
        var units = 0, inWord: UInt8 = 0, classes: UInt8 = 0
        // Origins are byte offsets as `Int32`: checked once here rather than converted with a check at every scalar.
        precondition(bytes.count <= Int(Int32.max), "a text of more than 2 GiB")
        // Decoded by hand: a String's UTF-8 is valid, and the byte offset is the origin.
        var i = 0
        scan: while i < bytes.count {
            let origin = Int32(truncatingIfNeeded: i)
            let b0 = UInt32(bytes[i])
            let v: UInt32
            if b0 < 0x80 {
                v = b0
                i += 1
            } else if b0 < 0xE0 {
                v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if b0 < 0xF0 {
                v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else {
                v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                    | UInt32(bytes[i + 3] & 0x3F)
                i += 4
            }
            // The common cases inline (ASCII letters and digits, CJK ideographs, white space), the rest via `foldOther`.
            if v < 0x80 && v != 0x20 && v != 0x09 && v != 0x0A && v != 0x0D {
                guard n < capacity else { overflow = true; break scan }
                // One load for the lower case and the length unit: with tests of ranges, counting units here cost as
                // much as the pass it replaces.
                let bits = ascii[Int(v)]
                folded[n] = v | UInt32(bits & AsciiClass.toLower)
                from[n] = origin
                n += 1
                lastWasSpace = false
                let word = bits & AsciiClass.word
                units &+= Int(word & ~inWord)
                inWord = word
                classes |= bits
                continue
            }
            if v >= TraditionalToSimplified.first && v <= TraditionalToSimplified.last {
                sawCJK = true
                guard n < capacity else { overflow = true; break scan }
                let value = t2s[Int(v &- TraditionalToSimplified.first)]
                folded[n] = value
                from[n] = origin
                n += 1
                lastWasSpace = false
                if value >= 0x3400 && value <= 0x9FFF { units += 1; inWord = 0 } else { note(value, &units, &inWord, &classes) }
                continue
            }
            // ASCII white space (as `fold` and `foldOther` would treat it): runs of it are one space.
            if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D {
                if lastWasSpace { continue }
                guard n < capacity else { overflow = true; break scan }
                folded[n] = 0x20
                from[n] = origin
                n += 1
                lastWasSpace = true
                inWord = 0
                continue
            }
            guard let scalar = Unicode.Scalar(v) else { continue }
            let rest = Self.foldOther(scalar, origin: origin, into: folded, from, at: n, lastWasSpace: lastWasSpace)
            guard let rest else { overflow = true; break scan }
            for k in n..<rest.0 { note(folded[k], &units, &inWord, &classes) }
            (n, lastWasSpace) = rest
        }
        // A trailing space is dropped: it counted no unit.
        if n > 0 && folded[n - 1] == 0x20 { n -= 1 }
        return (n, overflow, Notes(containsCJK: sawCJK, hasLowercaseLetter: classes & AsciiClass.letter != 0, lengthUnits: units))
    }

    /// Notes folded scalar `value` in the length units and the classes seen (the fold's general case).
    @inline(__always)
    private static func note(_ value: UInt32, _ units: inout Int, _ inWord: inout UInt8, _ classes: inout UInt8) {
        var word = inWord != 0
        units += Analysis.unit(value, inWord: &word)
        inWord = word ? AsciiClass.word : 0
        if EnglishStemmer.isLetter(value) { classes |= AsciiClass.letter }
    }

    /// What an ASCII scalar is to the fold, as bits of `asciiClasses`.
    private enum AsciiClass {
        /// A letter or digit: it starts a length unit after none (`Analysis.unit`).
        static let word: UInt8 = 1
        /// A letter, a–z once folded.
        static let letter: UInt8 = 2
        /// Or-ed into the scalar, it gives the lower case (A–Z only).
        static let toLower: UInt8 = 0x20
    }

    /// The scalars other than ASCII and CJK ideographs, folded into `folded` and `from` from index `n` on: the new count
    /// and whether the text now ends in a space, nil when `folded` is full. Apart from the loop in `fold`, so that the
    /// loop's count and state are not captured by the closure `fold(_:_:)` takes (they were kept in memory, and loaded
    /// and stored again for every scalar).
    @inline(never)
    private static func foldOther(_ scalar: Unicode.Scalar, origin: Int32, into folded: UnsafeMutableBufferPointer<UInt32>,
                                  _ from: UnsafeMutableBufferPointer<Int32>, at n: Int, lastWasSpace: Bool) -> (Int, Bool)? {
        var n = n, lastWasSpace = lastWasSpace, full = false
        fold(scalar) { value in
            let isSpace = value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D || value == 0x3000 || value == 0xA0
            if isSpace && lastWasSpace { return }
            guard n < folded.count else { full = true; return }
            folded[n] = isSpace ? 0x20 : value
            from[n] = origin
            n += 1
            lastWasSpace = isSpace
        }
        return full ? nil : (n, lastWasSpace)
    }


    /// The folded text as a string (for tests and debugging).
    public var folded: String {
        var view = String.UnicodeScalarView()
        for value in scalars { if let s = Unicode.Scalar(value) { view.append(s) } }
        return String(view)
    }

    /// The original text behind folded scalars `range` (half-open), trimmed of spaces.
    public func quote(_ range: Range<Int>) -> String {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= origins.count else { return "" }
        let first = Int(origins[range.lowerBound]), lastStart = Int(origins[range.upperBound - 1])
        // On the UTF-8 bytes themselves: walking `String.UTF8View` indices cost more than copying the quote.
        var original = self.original
        return original.withUTF8 { bytes in
            var from = first
            var to = lastStart + Self.scalarWidth(leadByte: bytes[lastStart])
            while from < to, let width = Self.spaceWidth(bytes, at: from) { from += width }
            while to > from, let width = Self.spaceWidth(bytes, endingAt: to) { to -= width }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
        }
    }

    /// UTF-8 length of the scalar that starts with `byte`.
    @inline(__always)
    private static func scalarWidth(leadByte byte: UInt8) -> Int {
        byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
    }

    /// Byte length of a space character (ASCII white space, U+00A0, U+3000) starting at byte `i`.
    private static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        func byte(_ k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }
        guard let b = byte(i) else { return nil }
        if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { return 1 }
        if b == 0xC2, byte(i + 1) == 0xA0 { return 2 }
        if b == 0xE3, byte(i + 1) == 0x80, byte(i + 2) == 0x80 { return 3 }
        return nil
    }

    /// Byte length of a space character ending just before byte `end`.
    private static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int? {
        func byte(_ k: Int) -> UInt8? { k >= 0 ? bytes[k] : nil }
        guard let b = byte(end - 1) else { return nil }
        if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { return 1 }
        if byte(end - 2) == 0xC2, b == 0xA0 { return 2 }
        if byte(end - 3) == 0xE3, byte(end - 2) == 0x80, b == 0x80 { return 3 }
        return nil
    }

    /// Folds one scalar, calling `emit` for each resulting scalar (NFKC may give several).
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar, _ emit: (UInt32) -> Void) {
        let v = scalar.value
        if v < 0x80 {
            emit(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
            return
        }
        if v >= 0x4E00 && v <= 0x9FFF || v >= 0x3400 && v <= 0x4DBF {
            emit(TraditionalToSimplified.map(v))
            return
        }
        if v >= 0xFF01 && v <= 0xFF5E {  // full-width ASCII
            let ascii = v - 0xFEE0
            emit(ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii)
            return
        }
        if v == 0x3000 { emit(0x20); return }
        if v >= 0x2000 && v < 0x3040 {
            let folded = punctuation[Int(v - 0x2000)]
            if folded != UInt32.max { emit(folded); return }
            if v == 0x2026 { emit(0x2E); emit(0x2E); emit(0x2E); return }  // … (and …… in Chinese) → ...
        }
        if v < 0x250 {
            let folded = latin[Int(v - 0x80)]
            if folded != UInt32.max { emit(folded); return }
        }
        // Rare: compatibility forms, accented Latin, other scripts. Let Foundation do NFKC and case folding.
        let folded = String(scalar).precomposedStringWithCompatibilityMapping.lowercased()
        for s in folded.unicodeScalars {
            let w = s.value
            emit(w >= 0x4E00 && w <= 0x9FFF || w >= 0x3400 && w <= 0x4DBF ? TraditionalToSimplified.map(w) : w)
        }
    }
}

/// The `AsciiClass` bits of each ASCII scalar.
private let asciiClasses: [UInt8] = (0..<0x80).map { (c: UInt32) -> UInt8 in
    if c >= 0x41 && c <= 0x5A { return 1 | 2 | 0x20 }
    if c >= 0x61 && c <= 0x7A { return 1 | 2 }
    return c >= 0x30 && c <= 0x39 ? 1 : 0
}

/// NFKC and case folding of U+2000–U+303F (general punctuation, letterlike symbols, CJK symbols)
/// precomputed once, since replies are full of “quotes”, —dashes— and 。、; `UInt32.max` marks
/// the few that fold to several scalars (… → ...), which take the slow path.
private let punctuation: [UInt32] = foldTable(0x2000..<0x3040)

/// The same for U+0080–U+024F (Latin-1 and Latin Extended: ¥, é, ·, the no-break space …).
private let latin: [UInt32] = foldTable(0x80..<0x250)

/// NFKC, lower case and Traditional → Simplified of each scalar in `range` that folds to one scalar;
/// `UInt32.max` for those that fold to several.
private func foldTable(_ range: Range<UInt32>) -> [UInt32] {
    range.map { v -> UInt32 in
        guard let scalar = Unicode.Scalar(UInt32(v)) else { return UInt32(v) }
        let folded = String(scalar).precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars
        guard folded.count == 1, let only = folded.first?.value else { return UInt32.max }
        return TraditionalToSimplified.map(only)  // Kangxi radicals fold to ideographs: ⾨ → 門 → 门
    }
}

/// Traditional → Simplified lookup, built once from the generated OpenCC table: a flat array over
/// the CJK blocks the normaliser maps (U+3400–U+9FFF), so a lookup is one load, not a hash.
enum TraditionalToSimplified {
    static let first: UInt32 = 0x3400, last: UInt32 = 0x9FFF
    static let table: [UInt32] = {
        var table = (first...last).map { $0 }
        var iterator = TraditionalToSimplifiedTable.pairs.unicodeScalars.makeIterator()
        while let traditional = iterator.next(), let simplified = iterator.next() {
            if traditional.value >= first && traditional.value <= last { table[Int(traditional.value - first)] = simplified.value }
        }
        return table
    }()

    /// The simplified form of `v` (itself when it has none or lies outside the mapped blocks).
    @inline(__always)
    static func map(_ v: UInt32) -> UInt32 {
        v >= first && v <= last ? table.withUnsafeBufferPointer { $0[Int(v &- first)] } : v
    }
}
