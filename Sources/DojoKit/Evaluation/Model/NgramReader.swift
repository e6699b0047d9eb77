/// Reads a folded reply into the hashed n-grams of `NgramTable`: character 1–4-grams inside each space-separated token
/// (padded with a space at both ends: " we", "we ", and for Chinese, where tokens run to the next space, every short run
/// of characters) and word 1–2-grams of runs of letters, digits and CJK characters. Read as if the reply negated nothing,
/// its negation words are left out, so that a reply with a negator inserted reads exactly as the one without it.
enum NgramReader {
    /// The occurrences of the folded `scalars`, into `occurrences` (emptied first). The scalars inside `skipping`
    /// (ranges in ascending order of their starts, as `Analysis.negationWords` gives them) are left out; `view` is
    /// working space (the positions read), reused from reply to reply like `occurrences`.
    static func read(_ scalars: [UInt32], skipping: some Sequence<Range<Int>>, charBits: Int, wordBits: Int,
                     view: inout [Int32], into occurrences: inout [NgramOccurrence]) {
        occurrences.removeAll(keepingCapacity: true)
        view.removeAll(keepingCapacity: true)
        // The positions read: all but the skipped ones, with no space first, last or after another.
        var skip = skipping.makeIterator(), next = skip.next()
        for i in scalars.indices {
            while let range = next, range.upperBound <= i { next = skip.next() }
            if let range = next, range.contains(i) { continue }
            if scalars[i] == 0x20 && (view.isEmpty || scalars[Int(view[view.count - 1])] == 0x20) { continue }
            view.append(Int32(truncatingIfNeeded: i))
        }
        if let last = view.last, scalars[Int(last)] == 0x20 { view.removeLast() }
        scalars.withUnsafeBufferPointer { text in
        view.withUnsafeBufferPointer { view in
            readCharacters(text, view, bits: charBits, into: &occurrences)
            readWords(text, view, offset: Int32(1 << charBits), bits: wordBits, into: &occurrences)
        }
        }
    }

    /// FNV-1a 64, with its own offset basis for each family.
    private static let prime: UInt64 = 0x100_0000_01B3
    private static let charBasis: UInt64 = 0xCBF2_9CE4_8422_2325, wordBasis: UInt64 = 0x6C62_272E_07BB_0142

    @inline(__always)
    private static func bucket(_ hash: UInt64, bits: Int) -> Int32 {
        Int32(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// Character 1–4-grams of each space-separated token, padded with a space at both ends.
    private static func readCharacters(_ text: UnsafeBufferPointer<UInt32>, _ view: UnsafeBufferPointer<Int32>, bits: Int,
                                       into occurrences: inout [NgramOccurrence]) {
        var a = 0
        while a < view.count {
            if text[Int(view[a])] == 0x20 { a += 1; continue }
            var b = a
            while b < view.count && text[Int(view[b])] != 0x20 { b += 1 }
            // The padded token: position 0 and length - 1 are the spaces, position p the token's (p - 1)th scalar.
            let length = b - a + 2
            @inline(__always) func scalar(_ p: Int) -> UInt32 { p == 0 || p == length - 1 ? 0x20 : text[Int(view[a + p - 1])] }
            @inline(__always) func origin(_ p: Int) -> Int32 { view[a + min(max(p, 1), length - 2) - 1] }
            for s in 0..<length {
                var hash = charBasis
                for k in 0..<min(4, length - s) {
                    hash = (hash ^ UInt64(scalar(s + k))) &* prime
                    occurrences.append(NgramOccurrence(bucket: bucket(hash, bits: bits), start: origin(s), end: origin(s + k) + 1))
                }
            }
            a = b
        }
    }

    /// Whether a scalar belongs to a word: Latin letters and digits (as `SignalScanner` reads words), `_`, and CJK.
    @inline(__always)
    private static func isWordScalar(_ c: UInt32) -> Bool {
        SignalScanner.isWordScalar(c) || c == 0x5F || (c >= 0x3040 && c != 0x30FB && !(c >= 0xFE30 && c <= 0xFE4F) && !(c >= 0xFF00 && c <= 0xFFEF))
    }

    /// Word unigrams and bigrams (of neighbouring words, whatever lies between them).
    private static func readWords(_ text: UnsafeBufferPointer<UInt32>, _ view: UnsafeBufferPointer<Int32>, offset: Int32, bits: Int,
                                  into occurrences: inout [NgramOccurrence]) {
        var previous: (hash: UInt64, start: Int32)?
        var a = 0
        while a < view.count {
            guard isWordScalar(text[Int(view[a])]) else { a += 1; continue }
            var b = a, hash = wordBasis
            while b < view.count, case let c = text[Int(view[b])], isWordScalar(c) {
                hash = (hash ^ UInt64(c)) &* prime
                b += 1
            }
            let start = view[a], end = view[b - 1] + 1
            occurrences.append(NgramOccurrence(bucket: offset + bucket(hash, bits: bits), start: start, end: end))
            if let previous {
                occurrences.append(NgramOccurrence(bucket: offset + bucket(FeatureExtractor.mix(previous.hash, hash), bits: bits),
                                                   start: previous.start, end: end))
            }
            previous = (hash, start)
            a = b
        }
    }
}
