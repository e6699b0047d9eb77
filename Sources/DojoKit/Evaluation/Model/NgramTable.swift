import Foundation

/// The trained detector's second model family: one logistic output per tactic, linear over hashed spellings of the
/// folded reply — character 1–4-grams inside each space-separated token (padded with a space at both ends) and word
/// 1–2-grams — weighted by inverse document frequency and L2-normalised. The network reads the feature scheme's scoped,
/// stemmed tokens; this reads raw spelling (parts of words, Latin and Han alike), and the two err on different replies,
/// so `ModelDetector` credits by the weighted mean of their logits (`networkWeight`).
///
/// Weights are 8-bit, one scale per label; each bucket's IDF is a byte (IDF × 16). A reply's logit for label l is
/// bias_l + scale_l × Σ idf_b × w_bl / √(Σ idf_b²) over its n-gram occurrences (each occurrence counts, so the norm is
/// that of the occurrences, not of the merged counts: no per-reply table of counts is needed).
struct NgramTable: Sendable {
    /// The labels it scores (a subset of the model's, in the model's order).
    let labels: [String]
    /// log2 of the character-n-gram and word-n-gram bucket counts (word buckets follow the character ones).
    let charBits: Int, wordBits: Int
    /// The network's share of the blended logit (the table's is the rest).
    let networkWeight: Double
    /// Per bucket: smoothed IDF (ln((1 + N) / (1 + df)) + 1, at least 1) × 16, rounded and capped at 255.
    let idf: [UInt8]
    let scales: [Float]
    let biases: [Float]
    /// Bucket-major weight levels (each weight = level × the label's scale), each bucket's row padded to `lanes` with
    /// zeros past the labels: one 32-byte run a row, read whole by `logits`.
    private let rows: [Int8]
    /// The most labels a table scores, and the width of a padded row.
    static let lanes = 32

    var bucketCount: Int { 1 << charBits + 1 << wordBits }

    /// Largest stored weight level.
    static let levels: Float = 127

    init(labels: [String], charBits: Int, wordBits: Int, networkWeight: Double, idf: [UInt8], weights: [Int8], scales: [Float], biases: [Float]) {
        precondition(charBits >= 1 && charBits <= 24 && wordBits >= 1 && wordBits <= 24)
        precondition(idf.count == 1 << charBits + 1 << wordBits && weights.count == idf.count * labels.count)
        precondition(scales.count == labels.count && biases.count == labels.count && labels.count <= Self.lanes)
        self.labels = labels
        self.charBits = charBits
        self.wordBits = wordBits
        self.networkWeight = networkWeight
        self.idf = idf
        self.scales = scales
        self.biases = biases
        var rows = [Int8](repeating: 0, count: idf.count * Self.lanes)
        for b in idf.indices { for l in labels.indices { rows[b * Self.lanes + l] = weights[b * labels.count + l] } }
        self.rows = rows
    }

    /// The weight levels as the file holds them: `buckets × labels`, bucket-major, unpadded.
    var weights: [Int8] {
        let count = labels.count
        return (0..<idf.count * count).map { rows[($0 / count) * Self.lanes + $0 % count] }
    }

    /// Quantises float weights (`buckets × labels`, bucket-major, in units of idf / norm) to 8 bits per weight.
    init(labels: [String], charBits: Int, wordBits: Int, networkWeight: Double, idf: [UInt8], floatWeights: [Float], biases: [Float]) {
        let count = labels.count, buckets = idf.count
        var scales = [Float](repeating: 1, count: count)
        for l in 0..<count {
            var peak: Float = 0
            for b in 0..<buckets { peak = max(peak, abs(floatWeights[b * count + l])) }
            scales[l] = peak > 0 ? peak / Self.levels : 1
        }
        let weights = (0..<buckets * count).map { i -> Int8 in
            Int8(max(-Self.levels, min(Self.levels, (floatWeights[i] / scales[i % count]).rounded())))
        }
        self.init(labels: labels, charBits: charBits, wordBits: wordBits, networkWeight: networkWeight, idf: idf, weights: weights,
                  scales: scales, biases: biases)
    }

    /// The logit of every label for these occurrences, into `logits` (one per label, in `labels` order). All labels at
    /// once: per occurrence, its padded row of 8-bit weights times its IDF byte, added into 32-bit sums, in a loop of a
    /// fixed `lanes` that the compiler unrolls and vectorises (a loop over the label count cost a quarter more per reply;
    /// the generic `SIMD32` conversions, ten times more).
    func logits(_ occurrences: ArraySlice<NgramOccurrence>, into logits: UnsafeMutableBufferPointer<Float>) {
        let count = labels.count
        precondition(logits.count >= count)
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.lanes) { sums in
            sums.initialize(repeating: 0)
            guard let sum = sums.baseAddress else { return }
            var norm: Int64 = 0
            idf.withUnsafeBufferPointer { idf in
            rows.withUnsafeBufferPointer { rows in
                guard let base = rows.baseAddress else { return }
                for occurrence in occurrences {
                    let b = Int(occurrence.bucket), q = Int32(idf[b])
                    norm &+= Int64(q &* q)
                    let row = base + b &* Self.lanes
                    for l in 0..<32 { sum[l] &+= Int32(row[l]) &* q }
                }
            }
            }
            let inverse: Float = norm > 0 ? 1 / Float(norm).squareRoot() : 0
            for l in 0..<count { logits[l] = biases[l] + scales[l] * Float(sums[l]) * inverse }
        }
    }

    /// The occurrences that push label `label` up most (at most `limit`, strongest first; none that do not push it up).
    func strongest(_ occurrences: ArraySlice<NgramOccurrence>, label: Int, limit: Int) -> [NgramOccurrence] {
        var best: [(push: Int32, occurrence: NgramOccurrence)] = []
        for occurrence in occurrences {
            let b = Int(occurrence.bucket), q = Int32(idf[b])
            let push = q * Int32(rows[b * Self.lanes + label])
            guard push > 0 else { continue }
            best.append((push, occurrence))
        }
        // Strongest first; on a tie, the earlier in the reply.
        best.sort { $0.push != $1.push ? $0.push > $1.push : $0.occurrence.start < $1.occurrence.start }
        return best.prefix(limit).map(\.occurrence)
    }
}

/// One n-gram of a reply: its bucket and the folded scalars it covers (for evidence quotes).
struct NgramOccurrence: Sendable, Equatable {
    var bucket: Int32
    var start: Int32
    var end: Int32
}
