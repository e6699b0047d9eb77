/// The trained detector's weights: one logistic regression per label (tactic or anti-pattern) over
/// hashed features, stored bucket-major as 8-bit weights with a scale per label, so scoring a reply
/// touches one short run of bytes per feature.
public struct TacticModel: Sendable {
    /// What the model was trained on and how; written into the model file.
    public struct Metadata: Sendable, Hashable {
        /// Label ids (tactics and anti-patterns) in weight order.
        public var labels: [String]
        /// log2 of the number of hash buckets.
        public var bucketBits: Int
        /// The feature scheme (`FeatureExtractor.scheme`).
        public var scheme: String
        /// FNV-1a 64 over the corpus and playbook files it was trained on (hex), to tell when it is stale.
        public var trainedOn: String
        /// Labelled replies and playbook examples used.
        public var examples: Int
        /// Training passes and the shuffling seed.
        public var epochs: Int
        public var seed: UInt64
        /// Decision thresholds chosen at training time: a probability at or above `credit` credits a
        /// tactic; a lone plain cue whose tactic is below `veto` is withdrawn.
        public var credit: Double = 0.5
        public var veto: Double = 0.0
        /// How much surer than `credit` the model must be to credit a tactic no cue speaks to.
        public var modelOnlyMargin: Double = 0.15
    }

    public let metadata: Metadata
    /// Per label: weight = Int8 × scale.
    let scales: [Float]
    let biases: [Float]
    /// `buckets × stride` signed bytes; label `l` of bucket `b` at `b * stride + l`.
    let weights: [Int8]
    let stride: Int
    let bucketShift: UInt64

    init(metadata: Metadata, scales: [Float], biases: [Float], weights: [Int8]) {
        self.metadata = metadata
        self.scales = scales
        self.biases = biases
        self.weights = weights
        stride = Self.stride(labels: metadata.labels.count)
        bucketShift = UInt64(64 - metadata.bucketBits)
    }

    /// Labels padded to 32 bytes per bucket (one vector load per feature), or a multiple of 32 for more labels.
    static func stride(labels: Int) -> Int { (labels + 31) / 32 * 32 }

    /// Quantises float weights (`buckets × labels`, bucket-major) to 8 bits per label.
    init(metadata: Metadata, floatWeights: [Float], biases: [Float]) {
        let labels = metadata.labels.count, stride = Self.stride(labels: labels)
        let buckets = 1 << metadata.bucketBits
        var scales = [Float](repeating: 1, count: labels)
        for l in 0..<labels {
            var peak: Float = 0
            for b in 0..<buckets { peak = max(peak, abs(floatWeights[b * labels + l])) }
            scales[l] = peak > 0 ? peak / 127 : 1
        }
        var weights = [Int8](repeating: 0, count: buckets * stride)
        for b in 0..<buckets {
            for l in 0..<labels {
                weights[b * stride + l] = Int8(max(-127, min(127, (floatWeights[b * labels + l] / scales[l]).rounded())))
            }
        }
        self.init(metadata: metadata, scales: scales, biases: biases, weights: weights)
    }

    @inline(__always)
    func bucket(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> bucketShift) }

    /// The probability of each label for a reply's features.
    func probabilities(_ features: [FeatureExtractor.Feature]) -> [Float] {
        let labels = metadata.labels.count, stride = self.stride
        var sums = [Int32](repeating: 0, count: stride)
        weights.withUnsafeBytes { raw in
            sums.withUnsafeMutableBufferPointer { acc in
                if stride == 32 {
                    // A 32-byte row is four 8-byte words. Each signed byte, offset by 128 (x ^ 0x80), is added into
                    // a 16-bit lane (even bytes and odd bytes apart), eight plain 64-bit additions per feature and no
                    // widening conversions; the lanes are emptied into 32-bit sums every 256 features, before they
                    // could overflow, and the offset is taken back out at the end.
                    let flip: UInt64 = 0x8080_8080_8080_8080, lanes: UInt64 = 0x00FF_00FF_00FF_00FF
                    var even = (UInt64(0), UInt64(0), UInt64(0), UInt64(0)), odd = even
                    func empty(_ word: UInt64, into first: Int) {
                        for m in 0..<4 { acc[first + 2 * m] &+= Int32(truncatingIfNeeded: (word >> UInt64(16 * m)) & 0xFFFF) }
                    }
                    func flush() {
                        empty(even.0, into: 0); empty(odd.0, into: 1)
                        empty(even.1, into: 8); empty(odd.1, into: 9)
                        empty(even.2, into: 16); empty(odd.2, into: 17)
                        empty(even.3, into: 24); empty(odd.3, into: 25)
                        even = (0, 0, 0, 0)
                        odd = even
                    }
                    var pending = 0
                    for feature in features {
                        let offset = bucket(feature.hash) * 32
                        let w0 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) ^ flip
                        let w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) ^ flip
                        let w2 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)) ^ flip
                        let w3 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)) ^ flip
                        even.0 &+= w0 & lanes; odd.0 &+= (w0 >> 8) & lanes
                        even.1 &+= w1 & lanes; odd.1 &+= (w1 >> 8) & lanes
                        even.2 &+= w2 & lanes; odd.2 &+= (w2 >> 8) & lanes
                        even.3 &+= w3 & lanes; odd.3 &+= (w3 >> 8) & lanes
                        pending += 1
                        if pending == 256 { flush(); pending = 0 }
                    }
                    flush()
                    let offset = Int32(128 * features.count)
                    for l in 0..<32 { acc[l] &-= offset }
                } else {
                    for feature in features {
                        let base = bucket(feature.hash) * stride
                        for l in 0..<stride { acc[l] &+= Int32(Int8(bitPattern: raw[base + l])) }
                    }
                }
            }
        }
        var result = [Float](repeating: 0, count: labels)
        for l in 0..<labels {
            let z = Float(sums[l]) * scales[l] + biases[l]
            result[l] = 1 / (1 + Self.exp(-z))
        }
        return result
    }

    /// For each label asked about, in one pass over the features (one row read per feature): its largest
    /// single feature weight (in logit units; 0 when none is positive) and the indices of the `limit`
    /// features that carry it most, strongest first (ties: earlier first). Reply-level features, which
    /// cover no span, are never counted.
    func strongest(_ features: [FeatureExtractor.Feature], labels: [Int], limit: Int) -> [(peak: Float, features: [Int])] {
        guard !labels.isEmpty else { return [] }
        var top = [[(weight: Int8, index: Int)]](repeating: [], count: labels.count)
        weights.withUnsafeBufferPointer { table in
            for (i, feature) in features.enumerated() where feature.end > feature.start {
                let base = bucket(feature.hash) * stride
                for (k, label) in labels.enumerated() {
                    let w = table[base + label]
                    guard w > 0 else { continue }
                    if top[k].count < limit {
                        let at = top[k].firstIndex { $0.weight < w } ?? top[k].count
                        top[k].insert((w, i), at: at)
                    } else if let last = top[k].last, w > last.weight {
                        top[k].removeLast()
                        let at = top[k].firstIndex { $0.weight < w } ?? top[k].count
                        top[k].insert((w, i), at: at)
                    }
                }
            }
        }
        return zip(labels, top).map { label, best in (Float(best.first?.weight ?? 0) * scales[label], best.map(\.index)) }
    }

    @inline(__always)
    static func exp(_ x: Float) -> Float {
        // Deterministic across platforms for the same input: no libm dependency in the hot path.
        let clamped = max(-30, min(30, x))
        var result: Float = 1
        var term: Float = 1
        let scaled = clamped / 16
        for k in 1...10 { term *= scaled / Float(k); result += term }
        // (e^(x/16))^16
        for _ in 0..<4 { result *= result }
        return result
    }
}
