/// The reply's Latin words, read once in the analysis for the trained model's features: each run of Latin letters, digits
/// and apostrophes starting with a letter or digit, with the hash `FeatureExtractor` gives it — FNV-1a over the run as
/// stemmed (a run starting with a digit has one hash for all) — and its folded range.
///
/// They are read in the pass that stems the reply for the automaton (`read(_:stemmingInto:words:)`), which walks every
/// word already: the model's tokeniser walked the stemmed text again, scalar by scalar, to find and hash the same runs,
/// and now steps over each word at once (`FeatureExtractor.tokenize`). Read only when a model will use them and the text
/// has a letter a–z (`isRead`): a text without one is not stemmed, and its Han characters are one scalar a token anyway.
struct ReplyWords: Sendable {
    struct Word: Equatable, Sendable {
        var hash: UInt64
        var start: Int32
        var end: Int32
    }

    /// The words, in order.
    var list: [Word] = []
    /// Whether `list` holds the words of the reply being assessed (the analysis reads them only when asked to).
    var isRead = false

    /// The hash of a run starting with a digit (`FeatureExtractor`'s number token).
    static let numberHash: UInt64 = 0x4E55_4D42
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3

    /// Stems `text` as `EnglishStemmer.fold(_:into:)` does — into `out`, and false when no word changes (`out` is then
    /// empty) — and lists its words into `words` (emptied first) in the same pass. Every maximal run of a–z lies inside
    /// one word (a–z are word scalars), so each word's hash is taken over its a–z runs as stemmed and its other
    /// scalars as they are.
    static func read(_ text: [UInt32], stemmingInto out: inout EnglishStemmer.Folded, words: inout [Word]) -> Bool {
        let n = text.count
        words.emptyKeepingCapacity()
        words.reserveCapacity(n)
        // The stemmed copy starts at the first word that changes: `written` scalars of it are written, and it stands
        // for text[..<copied].
        var stemming = false
        var written = 0, copied = 0
        text.withUnsafeBufferPointer { text in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: EnglishStemmer.maxWordLength + 1) { buffer in
            var i = 0
            while i < n {
                let c = text[i]
                guard SignalScanner.isLatinLetter(c) || SignalScanner.isDigit(c) else { i += 1; continue }
                var hash = fnvOffset
                var k = i
                while k < n {
                    let d = text[k]
                    if EnglishStemmer.isLetter(d) {
                        // The run of a–z hashed as it is found, and hashed again from `before` as stemmed if stemming
                        // changes it (a few words a reply).
                        let before = hash
                        var end = k
                        repeat {
                            hash = (hash ^ UInt64(text[end])) &* fnvPrime
                            end += 1
                        } while end < n && EnglishStemmer.isLetter(text[end])
                        if let stem = EnglishStemmer.changedStem(text, k..<end, buffer) {
                            if !stemming {
                                stemming = true
                                out.scalars.resizeForOverwrite(to: n, filler: 0)
                                out.spans.resizeForOverwrite(to: n, filler: 0)
                            }
                            written = out.scalars.withUnsafeMutableBufferPointer { scalars in
                            out.spans.withUnsafeMutableBufferPointer { spans in
                                EnglishStemmer.write(text, unchanged: copied..<k, word: k..<end, stem: buffer, length: stem,
                                                     to: scalars, spans, at: written)
                            }
                            }
                            copied = end
                            hash = before
                            for m in 0..<stem { hash = (hash ^ UInt64(buffer[m])) &* fnvPrime }
                        }
                        k = end
                    } else if SignalScanner.isLatinLetter(d) || SignalScanner.isDigit(d) || d == 0x27 {
                        hash = (hash ^ UInt64(d)) &* fnvPrime
                        k += 1
                    } else {
                        break
                    }
                }
                words.append(Word(hash: SignalScanner.isDigit(c) ? numberHash : hash, start: Int32(truncatingIfNeeded: i),
                                  end: Int32(truncatingIfNeeded: k)))
                i = k
            }
            if stemming {
                written = out.scalars.withUnsafeMutableBufferPointer { scalars in
                out.spans.withUnsafeMutableBufferPointer { spans in
                    EnglishStemmer.copy(text, copied..<n, to: scalars, spans, at: written)
                }
                }
            }
        }
        }
        guard stemming else {
            out.reset(reserving: 0)
            return false
        }
        out.scalars.removeLast(n - written)
        out.spans.removeLast(n - written)
        return true
    }
}
