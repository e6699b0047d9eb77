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

        init() {}

        /// Empties it for another text of `capacity` scalars, keeping its storage.
        mutating func reset(reserving capacity: Int) {
            scalars.emptyKeepingCapacity()
            spans.emptyKeepingCapacity()
            scalars.reserveCapacity(capacity)
            spans.reserveCapacity(capacity)
        }
    }

    @inline(__always)
    static func isLetter(_ c: UInt32) -> Bool { c >= 0x61 && c <= 0x7A }

    /// Stems every run of a–z in folded text; nil when no word changes (the text is used as it is).
    /// One pass: the stemmed copy starts at the first word that changes.
    static func fold(_ text: [UInt32]) -> Folded? {
        var out = Folded()
        return fold(text, into: &out) ? out : nil
    }

    /// The same into `out` (emptied first, its storage reused); false when no word changes (`out` is then empty).
    ///
    /// Written through pointers into `out`'s arrays sized to the text first (a stem is never longer than its word, so
    /// the stemmed text never is either) and cut to what was written after: appending checked each array's uniqueness
    /// and capacity for every scalar, and each copied run cost a call of `append(contentsOf:)`.
    static func fold(_ text: [UInt32], into out: inout Folded) -> Bool {
        let n = text.count
        return text.withUnsafeBufferPointer { text in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxWordLength + 1) { buffer -> Bool in
            // Nothing is written until a word changes.
            guard var word = nextChangedWord(text, from: 0, buffer) else {
                out.reset(reserving: 0)
                return false
            }
            out.scalars.resizeForOverwrite(to: n, filler: 0)
            out.spans.resizeForOverwrite(to: n, filler: 0)
            let written = out.scalars.withUnsafeMutableBufferPointer { scalars in
            out.spans.withUnsafeMutableBufferPointer { spans in
                var count = 0
                var copied = 0  // text[..<copied] is written
                while true {
                    count = write(text, unchanged: copied..<word.start, word: word.start..<word.end, stem: buffer, length: word.stem,
                                  to: scalars, spans, at: count)
                    copied = word.end
                    guard let next = nextChangedWord(text, from: word.end, buffer) else { break }
                    word = next
                }
                return copy(text, copied..<n, to: scalars, spans, at: count)
            }
            }
            out.scalars.removeLast(n - written)
            out.spans.removeLast(n - written)
            return true
        }
        }
    }

    /// Writes the unchanged text `text[unchanged]` and then the stem of `text[word]` (`length` letters in `stem`) to
    /// `scalars` and `spans` from index `at`; returns the index after them. Each unchanged scalar stands for itself; each
    /// letter of the stem for the word's letter at its place (an added e for the last), and the stem's last letter runs
    /// to the end of the word.
    @inline(__always)
    static func write(_ text: UnsafeBufferPointer<UInt32>, unchanged: Range<Int>, word: Range<Int>, stem: UnsafeMutableBufferPointer<UInt8>,
                      length: Int, to scalars: UnsafeMutableBufferPointer<UInt32>, _ spans: UnsafeMutableBufferPointer<UInt64>,
                      at index: Int) -> Int {
        var count = copy(text, unchanged, to: scalars, spans, at: index)
        for k in 0..<length {
            let origin = word.lowerBound + min(k, word.count - 1)
            scalars[count] = UInt32(stem[k])
            spans[count] = UInt64(UInt32(truncatingIfNeeded: origin))
                | UInt64(UInt32(truncatingIfNeeded: k == length - 1 ? word.upperBound : origin + 1)) << 32
            count += 1
        }
        return count
    }

    /// Copies `text[range]` unchanged to `scalars` and `spans` from index `at` (each scalar standing for itself: its span
    /// is k..<k + 1); returns the index after the copy. The scalars in one `memcpy`, the spans counted up in one word.
    @inline(__always)
    static func copy(_ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, to scalars: UnsafeMutableBufferPointer<UInt32>,
                             _ spans: UnsafeMutableBufferPointer<UInt64>, at index: Int) -> Int {
        guard !range.isEmpty, let source = text.baseAddress, let target = scalars.baseAddress else { return index }
        precondition(range.upperBound <= text.count && index + range.count <= scalars.count && index + range.count <= spans.count)
        (target + index).update(from: source + range.lowerBound, count: range.count)
        var span = UInt64(UInt32(truncatingIfNeeded: range.lowerBound)) | UInt64(UInt32(truncatingIfNeeded: range.lowerBound + 1)) << 32
        for k in index..<(index + range.count) {
            spans[k] = span
            span &+= 0x1_0000_0001
        }
        return index + range.count
    }

    /// The first word (run of a–z) at or after `from` that stemming changes, with its stem in `buffer`.
    @inline(__always)
    private static func nextChangedWord(_ text: UnsafeBufferPointer<UInt32>, from: Int, _ buffer: UnsafeMutableBufferPointer<UInt8>)
        -> (start: Int, end: Int, stem: Int)? {
        var i = from
        while i < text.count {
            guard isLetter(text[i]) else { i += 1; continue }
            var end = i
            while end < text.count && isLetter(text[end]) { end += 1 }
            if let stem = changedStem(text, i..<end, buffer) { return (i, end, stem) }
            i = end
        }
        return nil
    }

    /// The stem of the word `text[word]` in `buffer`, and its length, when stemming changes the word.
    /// Only words ending in s, d, g, y or e can change; a stem under three letters would collide with
    /// short words (using → us), so the word is kept.
    static func changedStem(_ text: UnsafeBufferPointer<UInt32>, _ word: Range<Int>, _ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let length = word.count, last = text[word.upperBound - 1]
        guard length > 2 && length <= maxWordLength,
              last == 0x73 || last == 0x64 || last == 0x67 || last == 0x79 || last == 0x65 else { return nil }
        for k in 0..<length { buffer[k] = UInt8(text[word.lowerBound + k]) }
        let stemmed = stem(buffer, length: length)
        // `fold` writes stems over their words: never longer (step 1b adds an e only after taking off two letters or more).
        precondition(stemmed <= length, "a stem is never longer than its word")
        guard stemmed >= 3, stemmed != length || (0..<length).contains(where: { buffer[$0] != UInt8(text[word.lowerBound + $0]) })
        else { return nil }
        return stemmed
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
