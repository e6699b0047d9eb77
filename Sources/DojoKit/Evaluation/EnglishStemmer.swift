/// Folds English inflections together for cue matching: Porter's step 1 (plurals, -ed, -ing, -y)
/// and step 5a (a final e), applied alike to every word of a cue and to every word of a reply, so
/// "reduce your cost" matches "reducing your costs" and "saves" matches "savings".
///
/// The reply keeps its own text: stemming only produces the automaton's input, and every stemmed
/// scalar maps back to the folded scalar it came from.
enum EnglishStemmer {
    /// Words longer than this are left alone (no English inflection needs it; it bounds the buffer).
    static let maxWordLength = 40

    /// A stemmed text and, for each of its scalars, the folded scalar range it stands for.
    struct Folded {
        var scalars: [UInt32] = []
        /// For each stemmed scalar, packed: the folded index it comes from (low half) and the folded
        /// index one past it (high half) — the end of the whole word for a word's last scalar.
        var spans: [UInt64] = []

        /// Folded index of stemmed scalar `i`.
        func start(_ i: Int) -> Int { Int(spans[i] & 0xFFFF_FFFF) }
        /// Folded index one past stemmed scalar `i`.
        func end(_ i: Int) -> Int { Int(spans[i] >> 32) }
    }

    @inline(__always)
    static func isLetter(_ c: UInt32) -> Bool { c >= 0x61 && c <= 0x7A }

    /// Stems every run of a–z in folded text; nil when there is none (the text is used as it is).
    static func fold(_ text: [UInt32]) -> Folded? {
        guard changesSomeWord(text) else { return nil }
        // A stem is never longer than its word (step 1b adds an e only after taking off -ed or -ing).
        let n = text.count
        var spans: [UInt64] = []
        let scalars = [UInt32](unsafeUninitializedCapacity: n) { out, count in
            spans = [UInt64](unsafeUninitializedCapacity: n) { outSpans, spanCount in
                var w = 0
                func emit(_ scalar: UInt32, _ start: Int, _ end: Int) {
                    precondition(w < n, "a stem grew longer than its word")
                    out[w] = scalar
                    outSpans[w] = UInt64(UInt32(start)) | UInt64(UInt32(end)) << 32
                    w += 1
                }
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxWordLength + 1) { buffer in
                    var i = 0
                    while i < n {
                        guard isLetter(text[i]) else {
                            emit(text[i], i, i + 1)
                            i += 1
                            continue
                        }
                        var end = i
                        while end < n && isLetter(text[end]) { end += 1 }
                        let length = end - i, last = text[end - 1]
                        // Only words ending in s, d, g, y or e can change.
                        let changes = length > 2 && length <= maxWordLength
                            && (last == 0x73 || last == 0x64 || last == 0x67 || last == 0x79 || last == 0x65)
                        if !changes {
                            for k in i..<end { emit(text[k], k, k + 1) }
                        } else {
                            for k in 0..<length { buffer[k] = UInt8(text[i + k]) }
                            // A stem under three letters would collide with short words (using → us): keep the word.
                            let stemmed = stem(buffer, length: length)
                            if stemmed < 3 {
                                for k in i..<end { emit(text[k], k, k + 1) }
                                i = end
                                continue
                            }
                            for k in 0..<stemmed {
                                let origin = i + min(k, length - 1)
                                emit(UInt32(buffer[k]), origin, k == stemmed - 1 ? end : origin + 1)
                            }
                        }
                        i = end
                    }
                }
                spanCount = w
            }
            count = spans.count
        }
        return Folded(scalars: scalars, spans: spans)
    }

    /// Whether stemming changes any word of `text` (most Chinese replies have a few Latin words, if
    /// any, and none that changes: they skip the stemmed copy).
    private static func changesSomeWord(_ text: [UInt32]) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxWordLength + 1) { buffer in
            var i = 0
            let n = text.count
            while i < n {
                guard isLetter(text[i]) else { i += 1; continue }
                var end = i
                while end < n && isLetter(text[end]) { end += 1 }
                let length = end - i, last = text[end - 1]
                if length > 2 && length <= maxWordLength
                    && (last == 0x73 || last == 0x64 || last == 0x67 || last == 0x79 || last == 0x65) {
                    for k in 0..<length { buffer[k] = UInt8(text[i + k]) }
                    let stemmed = stem(buffer, length: length)
                    if stemmed >= 3 && (stemmed != length || (0..<length).contains { buffer[$0] != UInt8(text[i + $0]) }) {
                        return true
                    }
                }
                i = end
            }
            return false
        }
    }

    /// Stems a phrase (for cue pieces at load time).
    static func stem(phrase: [UInt32]) -> [UInt32] {
        fold(phrase)?.scalars ?? phrase
    }

    /// Whether `b[0..<k]` ends with `suffix`.
    @inline(__always)
    private static func ends(_ b: UnsafeMutableBufferPointer<UInt8>, _ k: Int, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard k >= count else { return false }
        let s = suffix.utf8Start
        // Last letter first: most suffixes fail there.
        for i in stride(from: count - 1, through: 0, by: -1) where b[k - count + i] != s[i] { return false }
        return true
    }

    private static func isConsonant(_ b: UnsafeMutableBufferPointer<UInt8>, _ i: Int) -> Bool {
        switch b[i] {
        case 0x61, 0x65, 0x69, 0x6F, 0x75: return false  // a e i o u
        case 0x79: return i == 0 || !isConsonant(b, i - 1)  // y after a consonant is a vowel
        default: return true
        }
    }

    /// Porter's m: the number of vowel–consonant sequences in b[0..<end].
    private static func measure(_ b: UnsafeMutableBufferPointer<UInt8>, _ end: Int) -> Int {
        var m = 0, i = 0
        while i < end && isConsonant(b, i) { i += 1 }
        while i < end {
            while i < end && !isConsonant(b, i) { i += 1 }
            guard i < end else { break }
            m += 1
            while i < end && isConsonant(b, i) { i += 1 }
        }
        return m
    }

    private static func hasVowel(_ b: UnsafeMutableBufferPointer<UInt8>, _ end: Int) -> Bool {
        (0..<max(0, end)).contains { !isConsonant(b, $0) }
    }

    /// consonant–vowel–consonant at the end, the last not w, x or y ("hop", not "show").
    private static func cvc(_ b: UnsafeMutableBufferPointer<UInt8>, _ end: Int) -> Bool {
        guard end >= 3, isConsonant(b, end - 3), !isConsonant(b, end - 2), isConsonant(b, end - 1) else { return false }
        return b[end - 1] != 0x77 && b[end - 1] != 0x78 && b[end - 1] != 0x79
    }

    /// Stems the lower-case word in `b[0..<length]` in place (it may grow by one letter, an e);
    /// returns the stem's length.
    static func stem(_ b: UnsafeMutableBufferPointer<UInt8>, length: Int) -> Int {
        guard length > 2 else { return length }
        var k = length
        // Each step applies to one final letter, tested first.
        // Step 1a: plurals.
        if b[k - 1] == 0x73 {  // s
            if ends(b, k, "sses") || ends(b, k, "ies") { k -= 2 } else if !ends(b, k, "ss") { k -= 1 }
        }
        // Step 1b: -eed, -ed, -ing.
        var trimmed = false
        if b[k - 1] == 0x64 {  // d
            if ends(b, k, "eed") {
                if measure(b, k - 3) > 0 { k -= 1 }
            } else if ends(b, k, "ed"), hasVowel(b, k - 2) {
                k -= 2
                trimmed = true
            }
        } else if b[k - 1] == 0x67, ends(b, k, "ing"), hasVowel(b, k - 3) {  // g
            k -= 3
            trimmed = true
        }
        if trimmed {
            if ends(b, k, "at") || ends(b, k, "bl") || ends(b, k, "iz") {
                b[k] = 0x65
                k += 1
            } else if k >= 2, b[k - 1] == b[k - 2], isConsonant(b, k - 1), b[k - 1] != 0x6C, b[k - 1] != 0x73, b[k - 1] != 0x7A {
                k -= 1
            } else if measure(b, k) == 1, cvc(b, k) {
                b[k] = 0x65
                k += 1
            }
        }
        // Step 1c: a final y after a vowel-bearing stem becomes i.
        if k > 0, b[k - 1] == 0x79, hasVowel(b, k - 1) { b[k - 1] = 0x69 }
        // Step 5a: a final e goes when the rest is long enough.
        if k > 0, b[k - 1] == 0x65 {
            let m = measure(b, k - 1)
            if m > 1 || (m == 1 && !cvc(b, k - 1)) { k -= 1 }
        }
        return k
    }
}
