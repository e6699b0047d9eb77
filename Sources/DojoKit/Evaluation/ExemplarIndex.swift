import Foundation

/// TF-IDF over character uni+bigrams (CJK) and word uni+bigrams (Latin), with an inverted index
/// from feature to model answer, so a reply is compared with every model answer in one pass over
/// its own features.
public struct ExemplarIndex: Sendable {
    private struct Posting: Sendable {
        var document: Int32
        var weight: Float
    }

    private var postings: [UInt64: [Posting]] = [:]
    private var idf: [UInt64: Float] = [:]
    /// The tactic index (in `CueIndex.tactics`) of each document.
    private var documentTactic: [Int] = []
    private let tacticCount: Int

    /// Indexes the model answers of `tactics` (anti-patterns are skipped: their answers show what to do instead).
    public init(tactics: [Tactic]) {
        tacticCount = tactics.count
        var documents: [[UInt64: Float]] = []
        for (index, tactic) in tactics.enumerated() where !tactic.isAntiPattern {
            for answer in tactic.modelAnswers.all {
                documents.append(Self.termCounts(NormalizedText(answer).scalars))
                documentTactic.append(index)
            }
        }
        var df: [UInt64: Int] = [:]
        for document in documents { for term in document.keys { df[term, default: 0] += 1 } }
        let n = Float(documents.count)
        for (term, count) in df { idf[term] = log((n + 1) / (Float(count) + 1)) + 1 }
        for (docIndex, document) in documents.enumerated() {
            var weights: [(UInt64, Float)] = []
            var norm: Float = 0
            for (term, tf) in document {
                let w = tf * (idf[term] ?? 1)
                weights.append((term, w))
                norm += w * w
            }
            norm = norm.squareRoot()
            guard norm > 0 else { continue }
            for (term, w) in weights { postings[term, default: []].append(Posting(document: Int32(docIndex), weight: w / norm)) }
        }
    }

    /// For each tactic index, the best cosine similarity between the text and one of its model answers.
    public func similarities(_ text: [UInt32]) -> [Double] {
        var best = [Double](repeating: 0, count: tacticCount)
        let counts = Self.termCounts(text)
        guard !counts.isEmpty else { return best }
        var norm: Float = 0
        var query: [(UInt64, Float)] = []
        query.reserveCapacity(counts.count)
        for (term, tf) in counts {
            // Terms no model answer has still count towards the reply's length (they dilute similarity).
            let w = tf * (idf[term] ?? Float(log(Double(documentTactic.count + 1))) + 1)
            norm += w * w
            if idf[term] != nil { query.append((term, w)) }
        }
        norm = norm.squareRoot()
        guard norm > 0, !query.isEmpty else { return best }
        var scores = [Float](repeating: 0, count: documentTactic.count)
        for (term, w) in query {
            guard let list = postings[term] else { continue }
            for posting in list { scores[Int(posting.document)] += w * posting.weight }
        }
        for (document, score) in scores.enumerated() where score > 0 {
            let tactic = documentTactic[document]
            let cosine = Double(score / norm)
            if cosine > best[tactic] { best[tactic] = cosine }
        }
        return best
    }

    /// Uni- and bigram counts: CJK characters and Latin words (FNV-1a hashed, so stable across runs).
    static func termCounts(_ text: [UInt32]) -> [UInt64: Float] {
        var counts: [UInt64: Float] = [:]
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
            counts[token, default: 0] += 1
            if let previous {
                let bigram = (previous &* 0x9E3779B97F4A7C15) ^ token ^ (1 << 62)
                counts[bigram, default: 0] += 1
            }
            previous = token
        }
        return counts
    }
}
