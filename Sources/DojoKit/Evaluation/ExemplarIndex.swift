import Foundation

/// TF-IDF over character uni+bigrams (CJK) and word uni+bigrams (Latin), with an inverted index
/// from feature to model answer, so a reply is compared with every model answer in one pass over
/// its own features.
public struct ExemplarIndex: Sendable {
    private struct Posting: Sendable {
        var document: Int32
        var weight: Float
    }

    /// Everything about a term in one record, so looking a term up costs one cache line: its
    /// inverse document frequency and its postings, `postings[postingStart...]`, grouped by value
    /// type (seed order). `bounds` holds where each group starts and ends from `postingStart`, 16 bits each:
    /// 0, the end of type 0's, of type 1's, of type 2's (bits 16k..<16k+16 hold the start of type k's group).
    private struct TermRecord: Sendable {
        var key: UInt64
        var bounds: UInt64
        var idf: Float
        var postingStart: Int32
    }

    /// Open-addressing table of term records keyed by term hash (`emptyKey` marks a free slot).
    private var records: [TermRecord] = []
    private var recordMask = 0
    private var recordShift: UInt64 = 0
    /// One bit per term hash bucket (64 Ki buckets, 8 KiB: stays in the L1 cache): a clear bit means no
    /// model answer has the term, without touching the records. Most of a reply's bigrams are such terms.
    private var known = [UInt64](repeating: 0, count: 1024)
    private static let emptyKey = UInt64.max
    private var postings: [Posting] = []
    /// The tactic index (in `CueIndex.tactics`) of each document.
    private var documentTactic: [Int] = []
    private let tacticCount: Int

    /// Indexes the model answers of `tactics` (anti-patterns are skipped: their answers show what to do instead).
    public init(tactics: [Tactic]) {
        tacticCount = tactics.count
        var documents: [[UInt64: Float]] = []
        var documentType: [Int] = []
        for (index, tactic) in tactics.enumerated() where !tactic.isAntiPattern {
            for answer in tactic.modelAnswers.all {
                documents.append(Self.termCounts(NormalizedText(answer).scalars))
                documentTactic.append(index)
                documentType.append(tactic.valueType?.ordinal ?? 0)
            }
        }
        var df: [UInt64: Int] = [:]
        for document in documents { for term in document.keys.sorted() { df[term, default: 0] += 1 } }
        let n = Float(documents.count)
        var idf: [UInt64: Float] = [:]
        for (term, count) in df { idf[term] = log((n + 1) / (Float(count) + 1)) + 1 }
        var postings: [UInt64: [Posting]] = [:]
        for (docIndex, document) in documents.enumerated() {
            var weights: [(UInt64, Float)] = []
            var norm: Float = 0
            for (term, tf) in document.sorted(by: { $0.key < $1.key }) {
                let w = tf * (idf[term] ?? 1)
                weights.append((term, w))
                norm += w * w
            }
            norm = norm.squareRoot()
            guard norm > 0 else { continue }
            for (term, w) in weights { postings[term, default: []].append(Posting(document: Int32(docIndex), weight: w / norm)) }
        }
        let keys = postings.keys.sorted()
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        records = [TermRecord](repeating: TermRecord(key: Self.emptyKey, bounds: 0, idf: 0, postingStart: 0), count: capacity)
        recordMask = capacity - 1
        recordShift = UInt64(64 - capacity.trailingZeroBitCount)
        for term in keys {
            let walked = Float(df[term] ?? 0) <= n * Self.maxDocumentShare ? postings[term] ?? [] : []
            var record = TermRecord(key: Self.storedKey(term), bounds: 0, idf: idf[term] ?? 1, postingStart: Int32(self.postings.count))
            var end = 0
            for type in 0..<3 {
                let group = walked.filter { documentType[Int($0.document)] == type }
                end += group.count
                precondition(end <= Int(UInt16.max), "posting groups too large for their 16-bit bounds")
                record.bounds |= UInt64(end) << UInt64(16 * (type + 1))
                self.postings += group
            }
            var slot = Self.homeSlot(of: record.key, shift: recordShift, mask: recordMask)
            while records[slot].key != Self.emptyKey { slot = (slot + 1) & recordMask }
            records[slot] = record
            let bucket = Self.bucket(record.key)
            known[bucket >> 6] |= 1 << UInt64(bucket & 63)
        }
        unseenIDF = log(n + 1) + 1
    }

    private var unseenIDF: Float = 1

    /// A term hash as stored: the one value that marks a free slot is moved next door (harmless for hashes).
    @inline(__always)
    private static func storedKey(_ term: UInt64) -> UInt64 { term == emptyKey ? emptyKey - 1 : term }

    /// Where linear probing for `key` starts in a table of this shape: the one formula for building the table and
    /// looking terms up (the look-up passes the shape from locals it keeps in registers).
    @inline(__always)
    private static func homeSlot(of key: UInt64, shift: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift) & mask
    }

    @inline(__always)
    private static func bucket(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0xD6E8_FEB8_6659_FD93) >> 48) }

    /// Terms in more than this share of all model answers are not walked when scoring (they carry
    /// little evidence of which tactic a reply resembles); they still count in the reply's norm.
    static let maxDocumentShare: Float = 0.08

    /// For each tactic index, the best cosine similarity between the text and one of its model answers,
    /// counting only model answers of the value types in `typeMask` (bits by `ValueType.ordinal`; the others stay 0).
    func similarities(_ text: [UInt32], typeMask: UInt8) -> [Double] {
        var best: [Double] = [], terms: [UInt64] = []
        similarities(text, typeMask: typeMask, into: &best, terms: &terms)
        return best
    }

    /// The same into `best` (emptied first), with `terms` as working space for the reply's terms (only ever grown, its
    /// contents overwritten). The evaluator reuses both from reply to reply. Returns the highest similarity (0 for none).
    @discardableResult
    func similarities(_ text: [UInt32], typeMask: UInt8, into best: inout [Double], terms: inout [UInt64]) -> Double {
        if best.count == tacticCount {
            // Zeroed in place (one `memset`): emptying and refilling it cost about 220 instructions a reply.
            best.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        } else {
            best.emptyKeepingCapacity()
            best.append(contentsOf: repeatElement(0, count: tacticCount))
        }
        // At most two terms a scalar, and as much room again for sorting them. In a reused array rather than on the
        // stack: past 1 KiB (replies over 32 scalars) `withUnsafeTemporaryAllocation` allocates on the heap; and it is
        // only grown, never trimmed, as only its first terms are read.
        let room = 2 * text.count
        if terms.count < 2 * room { terms.append(contentsOf: repeatElement(0, count: 2 * room - terms.count)) }
        return terms.withUnsafeMutableBufferPointer { buffer in
            let tokens = UnsafeMutableBufferPointer(rebasing: buffer[0..<Self.terms(text, into: UnsafeMutableBufferPointer(rebasing: buffer[0..<room]))])
            guard !tokens.isEmpty else { return 0 }
            // Sorted, as the norm and the scores are summed in term order (the floats depend on it); by `TermSort`, the
            // same order as `sort()` in a fraction of its instructions.
            TermSort.sort(tokens, scratch: UnsafeMutableBufferPointer(rebasing: buffer[room..<(2 * room)]))
            return score(sortedTerms: tokens, typeMask: typeMask, into: &best)
        }
    }

    /// The similarities of a reply from its terms, sorted, into `best`; returns the highest.
    ///
    /// One pass over the terms: each known term's weight goes into the reply's norm and, at once, its postings of the
    /// wanted types into the documents' scores (the scores are divided by the norm only at the end, so they need not
    /// wait for it; every sum is still taken in term order). The documents a posting reaches are listed as they are
    /// first reached, and only they are read for the best cosine of each tactic (a maximum: the order of reading does
    /// not matter). A term with no posting of the wanted types adds only to the norm.
    private func score(sortedTerms tokens: UnsafeMutableBufferPointer<UInt64>, typeMask: UInt8, into best: inout [Double]) -> Double {
        // The wanted groups as one or two runs of a term's postings, by the shifts of their bounds in `TermRecord.bounds`:
        // adjacent types make one run (types 0 and 2 without 1 make two).
        var runs: (from: UInt64, to: UInt64, from2: UInt64, to2: UInt64) = (48, 48, 48, 48)
        let twoRuns = typeMask & 7 == 0b101
        switch typeMask & 7 {
        case 0b101: runs = (0, 16, 32, 48)
        case 0: return 0
        default:
            let first = UInt64((typeMask & 7).trailingZeroBitCount), last = UInt64(7 - (typeMask & 7).leadingZeroBitCount)
            runs.from = 16 * first
            runs.to = 16 * (last + 1)
        }
        let documentCount = documentTactic.count
        var norm: Float = 0
        var reached = 0
        var highest = 0.0
        withUnsafeTemporaryAllocation(of: Float.self, capacity: documentCount) { scores in
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: documentCount) { touched in
            scores.initialize(repeating: 0)
            // The table's shape and the bit filter in locals: read through `self` they were loaded again for every term.
            let mask = recordMask, shift = recordShift, unseenIDF = unseenIDF
            records.withUnsafeBufferPointer { records in
            known.withUnsafeBufferPointer { known in
            postings.withUnsafeBufferPointer { postings in
                var i = 0
                while i < tokens.count {
                    let term = tokens[i]
                    var j = i + 1
                    while j < tokens.count && tokens[j] == term { j += 1 }
                    let tf = Float(j - i)
                    i = j
                    // Terms no model answer has still count towards the reply's length (they dilute similarity).
                    let key = Self.storedKey(term)
                    let bucket = Self.bucket(key)
                    var slot = -1
                    if known[bucket &>> 6] & (1 &<< UInt64(bucket & 63)) != 0 {
                        // The term's slot by linear probing from its home slot, with the table's shape in registers.
                        var index = Self.homeSlot(of: key, shift: shift, mask: mask)
                        while true {
                            let stored = records[index].key
                            if stored == key { slot = index; break }
                            if stored == Self.emptyKey { break }
                            index = (index &+ 1) & mask
                        }
                    }
                    guard slot >= 0 else {
                        norm += (tf * unseenIDF) * (tf * unseenIDF)
                        continue
                    }
                    let record = records[slot]
                    let w = tf * record.idf
                    norm += w * w
                    let start = Int(record.postingStart)
                    Self.walk(postings, start &+ Int(truncatingIfNeeded: (record.bounds &>> runs.from) & 0xFFFF),
                              start &+ Int(truncatingIfNeeded: (record.bounds &>> runs.to) & 0xFFFF), weight: w,
                              scores: scores, touched: touched, reached: &reached)
                    if twoRuns {
                        Self.walk(postings, start &+ Int(truncatingIfNeeded: (record.bounds &>> runs.from2) & 0xFFFF),
                                  start &+ Int(truncatingIfNeeded: (record.bounds &>> runs.to2) & 0xFFFF), weight: w,
                                  scores: scores, touched: touched, reached: &reached)
                    }
                }
            }
            }
            }
            norm = norm.squareRoot()
            guard norm > 0, reached > 0 else { return }
            documentTactic.withUnsafeBufferPointer { tactics in
                best.withUnsafeMutableBufferPointer { best in
                    for document in touched[0..<reached] {
                        let score = scores[Int(document)]
                        if score > 0 {
                            let cosine = Double(score / norm)
                            if cosine > best[tactics[Int(document)]] { best[tactics[Int(document)]] = cosine }
                            highest = max(highest, cosine)
                        }
                    }
                }
            }
        }
        }
        return highest
    }

    /// Adds `postings[from..<to]`, each times `weight`, to the scores of their documents, listing in `touched` each document
    /// reached for the first time. A posting's product is positive, so a score still +0 is one not reached yet; a document
    /// is listed once, so `touched` (as long as `scores`) has room (the bound is checked all the same).
    @inline(__always)
    private static func walk(_ postings: UnsafeBufferPointer<Posting>, _ from: Int, _ to: Int, weight: Float,
                             scores: UnsafeMutableBufferPointer<Float>, touched: UnsafeMutableBufferPointer<Int32>, reached: inout Int) {
        var k = from
        while k < to {
            let document = Int(truncatingIfNeeded: postings[k].document)
            let old = scores[document]
            if old == 0 && reached < touched.count {
                touched[reached] = Int32(truncatingIfNeeded: document)
                reached &+= 1
            }
            scores[document] = old + weight * postings[k].weight
            k &+= 1
        }
    }

    /// Uni- and bigram counts: CJK characters and Latin words (FNV-1a hashed, so stable across runs).
    static func termCounts(_ text: [UInt32]) -> [UInt64: Float] {
        var counts: [UInt64: Float] = [:]
        for term in terms(text) { counts[term, default: 0] += 1 }
        return counts
    }

    /// The uni- and bigram terms of a text, with repeats, in order.
    static func terms(_ text: [UInt32]) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: 2 * text.count) { buffer, count in count = terms(text, into: buffer) }
    }

    /// The same into `result`, which has room for two terms a scalar; returns how many were written.
    static func terms(_ text: [UInt32], into result: UnsafeMutableBufferPointer<UInt64>) -> Int {
        // Through a buffer pointer: the array checked its bounds at each of the several reads a scalar.
        text.withUnsafeBufferPointer { terms($0, into: result) }
    }

    private static func terms(_ text: UnsafeBufferPointer<UInt32>, into result: UnsafeMutableBufferPointer<UInt64>) -> Int {
        var count = 0
        var previous: UInt64?
        var i = 0
        let n = text.count
        while i < n {
            let c = text[i]
            var token: UInt64?
            if c >= 0x3400 && c <= 0x9FFF {
                token = UInt64(c)
                i += 1
            } else if SignalScanner.isLatinLetter(c) || SignalScanner.isDigit(c) {
                var hash: UInt64 = 0xcbf29ce484222325
                let isNumber = SignalScanner.isDigit(c)
                while i < n && (SignalScanner.isLatinLetter(text[i]) || SignalScanner.isDigit(text[i]) || text[i] == 0x27) {
                    if !isNumber { hash = (hash ^ UInt64(text[i])) &* 0x100000001b3 }
                    i += 1
                }
                token = (isNumber ? 0x4E55_4D00 : hash) | (1 << 63)
            } else {
                if c != 0x20 { previous = nil }  // punctuation breaks bigrams; a space between Latin words does not
                i += 1
                continue
            }
            guard let token else { continue }
            // Each term takes at least one scalar and writes at most two entries: `result` has room.
            result[count] = token
            count += 1
            if let previous {
                result[count] = (previous &* 0x9E3779B97F4A7C15) ^ token ^ (1 << 62)
                count += 1
            }
            previous = token
        }
        return count
    }
}
