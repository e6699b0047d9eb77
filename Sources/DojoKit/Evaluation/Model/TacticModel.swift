import Foundation

/// The trained detector's weights: a small two-layer network over hashed features. Each feature's
/// bucket has a row of `hidden` 4-bit weights (−7…7, with a scale per hidden unit); a reply's rows are
/// summed, passed through a ReLU, and one logistic output per label (tactic, anti-pattern, or orientation)
/// reads the hidden units. Only buckets training gave a value have a row (a bitmap says which; the rest
/// share one zero row), so scoring a reply touches one short run of bytes per feature.
public struct TacticModel: Sendable {
    /// What the model was trained on and how; written into the model file.
    public struct Metadata: Sendable, Hashable {
        /// Label ids (tactics and anti-patterns, then `@intrinsic`, `@extrinsic`, `@strategic`) in output order.
        public var labels: [String]
        /// log2 of the number of hash buckets.
        public var bucketBits: Int
        /// Hidden units (a multiple of 32).
        public var hidden: Int = 64
        /// Member networks the hidden units are split among (`ModelTrainer.Settings.members`); they score as one network.
        public var members: Int = 1
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
        /// tactic; cue evidence short of clear whose tactic is below `veto` is withdrawn.
        public var credit: Double = 0.5
        public var veto: Double = 0.0
        /// How much surer than `credit` the model must be to credit a tactic no cue speaks to.
        public var modelOnlyMargin: Double = 0.15
        /// Labels usually said with a negation ("no visits, the quote by email", "不经过经销商", "we won't go below
        /// that"): for them the detector reads the reply as written, not also without its negations taking the lower
        /// reading (`ModelDetector`), since there the negation is the tactic. Chosen by the trainer from the corpus
        /// (`ModelTrainer.saidWithNegation`), in label order.
        public var saidWithNegation: [String] = []
    }

    /// The float parameters training produces (`TacticModel(metadata:parameters:)` quantises them).
    struct Parameters {
        /// `buckets × hidden`, bucket-major.
        var embedding: [Float]
        var hiddenBiases: [Float]
        /// `labels × hidden`, label-major.
        var output: [Float]
        var outputBiases: [Float]
    }

    public let metadata: Metadata
    /// Per hidden unit: weight = stored level × scale.
    let scales: [Float]
    let hiddenBiases: [Float]
    /// `labels × hidden`, label-major.
    let output: [Float]
    let outputBiases: [Float]
    /// One bit per bucket: whether it has a row.
    let present: [UInt64]
    /// Per 8 buckets (one byte of `present`), derived, not stored: the rows before them in the high 24 bits and
    /// their byte of `present` in the low 8. A bucket's row is then one load here and one in `bytePopulation`:
    /// the build targets baseline x86-64, which has no popcount instruction, and a word-level rank spent about
    /// 25 instructions on a software popcount per feature (each reply reads its row for about 60 features).
    let byteRanks: [UInt32]
    /// Set bits in each byte value.
    let bytePopulation: [UInt8]
    /// Row 0 (the zero row) then one row per present bucket in bucket order: `hidden / 2` bytes each, two
    /// weights per byte (unit 2k in the low nibble, 2k+1 in the high), each stored as weight + 8.
    let rows: [UInt8]
    let hidden: Int
    let bucketShift: UInt64
    /// The linear n-gram model whose logits `ModelDetector` averages with the network's (nil: the network alone).
    let ngram: NgramTable?
    /// The network's share of the tactics' logits when an n-gram table is averaged in (nil: the network alone).
    public var ngramNetworkWeight: Double? { ngram?.networkWeight }

    /// Largest stored weight.
    static let levels: Float = 7

    init(metadata: Metadata, scales: [Float], hiddenBiases: [Float], output: [Float], outputBiases: [Float],
         present: [UInt64], rows: [UInt8], ngram: NgramTable? = nil) {
        precondition(ngram.map { $0.labels.allSatisfy(metadata.labels.contains) } ?? true, "the n-gram table scores a label the model lacks")
        self.metadata = metadata
        self.ngram = ngram
        self.scales = scales
        self.hiddenBiases = hiddenBiases
        self.output = output
        self.outputBiases = outputBiases
        self.present = present
        var byteRanks = [UInt32](repeating: 0, count: present.count * 8), total = 0
        for (w, word) in present.enumerated() {
            for k in 0..<8 {
                let byte = UInt32(truncatingIfNeeded: word >> UInt64(8 * k)) & 0xFF
                byteRanks[8 * w + k] = UInt32(truncatingIfNeeded: total) << 8 | byte
                total += byte.nonzeroBitCount
            }
        }
        // 24 bits of rank: more rows would take over 256 MB, far past the largest model file read.
        precondition(total < 1 << 24, "a model of \(total) rows is more than the row index can address")
        self.byteRanks = byteRanks
        bytePopulation = (0..<256).map { UInt8(($0 as Int).nonzeroBitCount) }
        self.rows = rows
        hidden = metadata.hidden
        precondition(metadata.bucketBits >= 1 && metadata.bucketBits <= 63, "a model of 2^\(metadata.bucketBits) buckets")
        bucketShift = UInt64(64 - metadata.bucketBits)
    }

    /// Quantises float parameters to 4 bits per embedding weight, keeping only the non-zero rows. With `maxRows`, only
    /// that many are kept, so that the file stays under a size however large the corpus grows: the strongest (largest sum
    /// of absolute levels; on a tie, the lower bucket), each strength weighed by log(1 + the number of training examples
    /// with the bucket's features) when `examplesPerBucket` is given, so that what goes first is the rows that move the
    /// hidden units least in the fewest replies. (Session 19, two 64-unit members on the read blind sets: by strength
    /// alone the 77,000 rows kept scored 0.840 micro-F1 with the model alone, weighed 0.851, as all rows did.)
    init(metadata: Metadata, parameters: Parameters, ngram: NgramTable? = nil, maxRows: Int? = nil, examplesPerBucket: [Int]? = nil) {
        let hidden = metadata.hidden, buckets = 1 << metadata.bucketBits
        var scales = [Float](repeating: 1, count: hidden)
        for h in 0..<hidden {
            var peak: Float = 0
            for b in 0..<buckets { peak = max(peak, abs(parameters.embedding[b * hidden + h])) }
            scales[h] = peak > 0 ? peak / Self.levels : 1
        }
        // Every bucket's packed row and its strength (0: all levels zero, no row).
        var packed = [UInt8](repeating: 0, count: buckets * hidden / 2)
        var strength = [Int](repeating: 0, count: buckets)
        for b in 0..<buckets {
            var total = 0
            for k in 0..<hidden / 2 {
                func level(_ h: Int) -> Int { Int(max(-Self.levels, min(Self.levels, (parameters.embedding[b * hidden + h] / scales[h]).rounded()))) }
                let low = level(2 * k), high = level(2 * k + 1)
                total += abs(low) + abs(high)
                packed[b * hidden / 2 + k] = UInt8(low + 8) | UInt8(high + 8) << 4
            }
            strength[b] = total
        }
        var kept = strength.map { $0 > 0 }
        if let maxRows {
            let candidates = (0..<buckets).filter { kept[$0] }
            if candidates.count > maxRows {
                let rank: [Double] = examplesPerBucket.map { counts in
                    precondition(counts.count == buckets)
                    return (0..<buckets).map { Double(strength[$0]) * Foundation.log(1 + Double(counts[$0])) }
                } ?? strength.map(Double.init)
                let order = candidates.sorted { rank[$0] != rank[$1] ? rank[$0] > rank[$1] : $0 < $1 }
                for b in order.dropFirst(max(0, maxRows)) { kept[b] = false }
            }
        }
        var present = [UInt64](repeating: 0, count: (buckets + 63) / 64)
        var rows = [UInt8](repeating: 0x88, count: hidden / 2)
        for b in 0..<buckets where kept[b] {
            present[b >> 6] |= 1 << UInt64(b & 63)
            rows += packed[b * hidden / 2 ..< (b + 1) * hidden / 2]
        }
        self.init(metadata: metadata, scales: scales, hiddenBiases: parameters.hiddenBiases, output: parameters.output,
                  outputBiases: parameters.outputBiases, present: present, rows: rows, ngram: ngram)
    }

    /// Rows with a value (the zero row apart).
    var storedRows: Int { rows.count / (hidden / 2) - 1 }

    /// A bucket's row (0: the zero row).
    @inline(__always)
    func row(ofBucket b: Int) -> Int {
        let entry = byteRanks[b >> 3], bit = UInt32(1) << UInt32(b & 7)
        guard entry & bit != 0 else { return 0 }
        return 1 + Int(entry >> 8) + Int(bytePopulation[Int(entry & (bit &- 1))])
    }

    @inline(__always)
    /// (A masking shift: `bucketShift` is 1…63 (`init` checks), where `>>` tested for a shift of 64 or more every feature.)
    func bucket(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) &>> bucketShift) }

    /// The hidden units' activations (after the ReLU) for a reply's features.
    func activations(_ features: [FeatureExtractor.Feature]) -> [Float] {
        [Float](unsafeUninitializedCapacity: hidden) { result, count in
            activations(features, into: result)
            count = hidden
        }
    }

    /// The same into `result` (`hidden` floats): the detector keeps them on the stack, where an array allocation
    /// would cost more than a short reply's row loads.
    func activations(_ features: [FeatureExtractor.Feature], into result: UnsafeMutableBufferPointer<Float>) {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: hidden) { sums in
            rowSums(features, into: sums)
            activations(rowSums: UnsafeBufferPointer(sums), into: result)
        }
    }

    /// The features' rows summed into `sums` (`hidden` exact integers), before the hidden biases and the ReLU.
    func rowSums(_ features: [FeatureExtractor.Feature], into sums: UnsafeMutableBufferPointer<Int32>) {
        switch hidden {
        case 256: sumRows(inBlocksOf: features, wholeRowsOf: SIMD16<UInt64>.self, into: sums)
        case 128: sumRows(inBlocksOf: features, wholeRowsOf: SIMD8<UInt64>.self, into: sums)
        case 64: sumRows(inBlocksOf: features, wholeRowsOf: SIMD4<UInt64>.self, into: sums)
        default: sumRows(of: features[...], into: sums)
        }
    }

    /// `rowSums(_:into:)` for rows of exactly one `Row` vector, the features taken sixteen at a time (`addRows`).
    @inline(__always)
    private func sumRows<Row: SIMD>(inBlocksOf features: [FeatureExtractor.Feature], wholeRowsOf _: Row.Type,
                                    into acc: UnsafeMutableBufferPointer<Int32>) where Row.Scalar == UInt64 {
        precondition(hidden == 16 * Row.scalarCount && acc.count >= hidden)
        acc.initialize(repeating: 0)
        var lanes = RowLanes<Row>(), widenings = 0
        features.withUnsafeBufferPointer { addRows(of: $0, takenAway: false, lanes: &lanes, widenings: &widenings, into: acc) }
        lanes.widenWords(into: acc)
        // Each stored level is the weight + 8.
        let offset = Int32(truncatingIfNeeded: 8 * features.count)
        for h in 0..<hidden { acc[h] &-= offset }
    }

    /// Adds the rows of `features` (or takes them away) into `lanes`, sixteen features a block: the byte lanes of a block
    /// are locals of its own loop, which the compiler keeps in registers (the byte lanes of `RowLanes`, live across the
    /// whole pass with its 16-bit lanes, were loaded and stored again for every row: 16 of its 70 instructions a row),
    /// and the row index is read through pointers, without bounds checks (every bucket has its byte rank). The 16-bit
    /// lanes go into `acc` every 256 blocks (each adds at most 16 × 15 to a 16-bit lane).
    @inline(__always)
    private func addRows<Row: SIMD>(of features: UnsafeBufferPointer<FeatureExtractor.Feature>, takenAway: Bool, lanes: inout RowLanes<Row>,
                                    widenings: inout Int, into acc: UnsafeMutableBufferPointer<Int32>) where Row.Scalar == UInt64 {
        precondition(hidden == 16 * Row.scalarCount && acc.count >= hidden && byteRanks.count << 3 >= 1 << (64 - bucketShift))
        let nibbles = Row(repeating: 0x0F0F_0F0F_0F0F_0F0F)
        // Taken away: each stored level s read as 15 − s (see `sumRows(into:_:)`).
        let flip = takenAway ? nibbles : Row()
        byteRanks.withUnsafeBufferPointer { ranks in
        bytePopulation.withUnsafeBufferPointer { population in
        rows.withUnsafeBytes { raw in
            var i = 0
            while i < features.count {
                // Sixteen rows at most in byte lanes (a nibble is at most 15: sixteen fit in a byte), then widened.
                let stop = min(i + 16, features.count)
                var low = Row(), high = Row()
                while i < stop {
                    let b = bucket(features[i].hash)
                    let entry = ranks[b >> 3], bit = UInt32(1) << UInt32(b & 7)
                    let row = entry & bit == 0 ? 0 : 1 &+ Int(entry >> 8) &+ Int(population[Int(entry & (bit &- 1))])
                    let value = raw.loadUnaligned(fromByteOffset: row &* MemoryLayout<Row>.size, as: Row.self)
                    low &+= (value & nibbles) ^ flip
                    high &+= ((value &>> 4) & nibbles) ^ flip
                    i += 1
                }
                lanes.low = low
                lanes.high = high
                lanes.widenBytes()
                widenings += 1
                if widenings % 256 == 0 { lanes.widenWords(into: acc) }
            }
        }
        }
        }
    }

    /// The hidden units' activations (after the ReLU) from a reply's row sums.
    func activations(rowSums sums: UnsafeBufferPointer<Int32>, into result: UnsafeMutableBufferPointer<Float>) {
        for h in 0..<hidden { result[h] = max(0, Float(sums[h]) * scales[h] + hiddenBiases[h]) }
    }

    /// Takes the rows of `removed` away from `sums` and adds those of `added`: the row sums of another reading of the
    /// same reply, from how its features differ (`FeatureExtractor.negationFreeChange`). The sums are exact integers,
    /// so this is the same as summing the other reading afresh, reading only the rows around its negations.
    func changeRowSums(_ sums: UnsafeMutableBufferPointer<Int32>, removing removed: ArraySlice<FeatureExtractor.Feature>,
                       adding added: ArraySlice<FeatureExtractor.Feature>) {
        func change<Row: SIMD>(wholeRowsOf _: Row.Type) where Row.Scalar == UInt64 {
            // Straight into the sums (the lanes are added to them).
            var lanes = RowLanes<Row>(), widenings = 0
            removed.withUnsafeBufferPointer { addRows(of: $0, takenAway: true, lanes: &lanes, widenings: &widenings, into: sums) }
            added.withUnsafeBufferPointer { addRows(of: $0, takenAway: false, lanes: &lanes, widenings: &widenings, into: sums) }
            lanes.widenWords(into: sums)
            // A level added is the weight + 8; one taken away, 7 − the weight.
            let offset = Int32(truncatingIfNeeded: 8 * added.count + 7 * removed.count)
            for h in 0..<hidden { sums[h] &-= offset }
        }
        switch hidden {
        case 256: change(wholeRowsOf: SIMD16<UInt64>.self)
        case 128: change(wholeRowsOf: SIMD8<UInt64>.self)
        case 64: change(wholeRowsOf: SIMD4<UInt64>.self)
        default:
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: hidden) { change in
                sumRows(into: change) { add in
                    for feature in removed { add(feature, true) }
                    for feature in added { add(feature, false) }
                }
                for h in 0..<hidden { sums[h] &+= change[h] }
            }
        }
    }

    /// Sums the features' rows into `acc`: one exact integer per hidden unit (the stored levels are weight + 8;
    /// the 8s are taken back out at the end).
    ///
    /// A row is `hidden / 32` chunks of 16 bytes, two 4-bit levels a byte. Each chunk is split into its low and
    /// high nibbles, and these are added as whole 16-byte vectors into byte lanes: a nibble is at most 15, so
    /// 16 rows fit in a byte (240) without a carry into the next one. Every 16 rows the byte lanes are
    /// widened into 16-bit lanes (even and odd bytes apart), every 4,096 rows those into the 32-bit sums. Per
    /// row that is a few vector instructions a chunk, where widening every row to 16 bits cost four times as
    /// many (the sums were a third of the model's time). The chunks are read as little-endian words, as on every
    /// platform this builds for.
    ///
    /// A row can also be taken away (`negated`), so rows taken away and rows added share one pass: each stored level
    /// s (weight + 8) is read as 15 − s, which is −weight + 7 and still a nibble (0…15), and 7 rather than 8 is taken
    /// back out for it.
    private func sumRows(of features: ArraySlice<FeatureExtractor.Feature>, into acc: UnsafeMutableBufferPointer<Int32>) {
        sumRows(into: acc) { add in
            for feature in features { add(feature, false) }
        }
    }

    /// Sums into `acc` the rows `visit` passes to its `add` (each feature's row, added or, when `negated`, taken away).
    private func sumRows(into acc: UnsafeMutableBufferPointer<Int32>,
                         _ visit: (_ add: (_ feature: FeatureExtractor.Feature, _ negated: Bool) -> Void) -> Void) {
        // A row that is one vector of words keeps its byte lanes in registers. (128 and 64 units never come here:
        // `rowSums` and `changeRowSums` take them in blocks through `addRows`.)
        switch hidden {
        case 32: sumRows(wholeRowsOf: SIMD2<UInt64>.self, into: acc, visit)
        case 256: sumRows(wholeRowsOf: SIMD16<UInt64>.self, into: acc, visit)
        default: sumRows(inChunks: acc, visit)
        }
    }

    /// `sumRows(into:_:)` for rows of exactly one `Row` vector (`hidden` = 16 × its word count): the same lanes as
    /// `sumRows(inChunks:_:)`, in a `RowLanes` value, whose byte lanes the compiler keeps in registers. In a stack
    /// buffer, as there, each 16-byte chunk cost a load and a store of its two byte lanes per row on top of the adds
    /// (the row sums are the model's largest cost).
    @inline(__always)
    private func sumRows<Row: SIMD>(wholeRowsOf _: Row.Type, into acc: UnsafeMutableBufferPointer<Int32>,
                                    _ visit: (_ add: (_ feature: FeatureExtractor.Feature, _ negated: Bool) -> Void) -> Void)
        where Row.Scalar == UInt64 {
        precondition(hidden == 16 * Row.scalarCount && acc.count >= hidden)
        acc.initialize(repeating: 0)
        var lanes = RowLanes<Row>()
        var count = 0, negatedCount = 0
        rows.withUnsafeBytes { raw in
            visit { feature, negated in
                // Wrapping arithmetic: a row's offset cannot overflow, and the checks cost as much as the adds.
                let offset = row(ofBucket: bucket(feature.hash)) &* MemoryLayout<Row>.size
                lanes.add(raw.loadUnaligned(fromByteOffset: offset, as: Row.self), negated: negated)
                count += 1
                if negated { negatedCount += 1 }
                if count % 16 == 0 {
                    lanes.widenBytes()
                    if count % 4096 == 0 { lanes.widenWords(into: acc) }
                }
            }
        }
        lanes.widenBytes()
        lanes.widenWords(into: acc)
        let offset = Int32(truncatingIfNeeded: 8 * count - negatedCount)
        for h in 0..<hidden { acc[h] &-= offset }
    }

    /// The lanes of `sumRows(wholeRowsOf:into:_:)`: a value with its own methods, not variables that nested functions
    /// capture (captured, they were boxed and every access checked at run time, which cost more than the adds).
    private struct RowLanes<Row: SIMD> where Row.Scalar == UInt64 {
        /// Byte lanes: the low and the high nibbles of every byte.
        var low = Row(), high = Row()
        /// 16-bit lanes: the even and the odd bytes of each.
        var lowEven = Row(), lowOdd = Row(), highEven = Row(), highOdd = Row()

        @inline(__always)
        mutating func add(_ row: Row, negated: Bool) {
            let nibbles = Row(repeating: 0x0F0F_0F0F_0F0F_0F0F)
            // Taken away: 15 − s, lane by lane.
            let flip = negated ? nibbles : Row()
            low &+= (row & nibbles) ^ flip
            high &+= ((row &>> 4) & nibbles) ^ flip
        }

        @inline(__always)
        mutating func widenBytes() {
            let evenBytes = Row(repeating: 0x00FF_00FF_00FF_00FF)
            lowEven &+= low & evenBytes
            lowOdd &+= (low &>> 8) & evenBytes
            highEven &+= high & evenBytes
            highOdd &+= (high &>> 8) & evenBytes
            low = Row()
            high = Row()
        }

        /// Adds the 16-bit lanes into the sums, and clears them. Word w holds bytes 8w…8w+7; its 16-bit lane m, of the
        /// even bytes, byte 8w + 2m: units 16w + 4m (low nibble) and 16w + 4m + 1 (high); of the odd bytes, byte
        /// 8w + 2m + 1: units 16w + 4m + 2 and + 3.
        ///
        /// So the four lane vectors, interleaved 16 bits at a time (low-even with high-even, low-odd with high-odd), then
        /// 32 bits at a time, hold the units in order: 16 bytes of each give 32 units, widened to 32 bits and added as
        /// vectors. Lane by lane (each extracted from a vector spilled to the stack) this cost about 590 instructions a
        /// call, now about 120.
        mutating func widenWords(into acc: UnsafeMutableBufferPointer<Int32>) {
            precondition(acc.count >= 16 * Row.scalarCount && Row.scalarCount % 2 == 0)
            let out = UnsafeMutableRawPointer(acc.baseAddress!)
            withUnsafeBytes(of: lowEven) { a in
            withUnsafeBytes(of: highEven) { b in
            withUnsafeBytes(of: lowOdd) { c in
            withUnsafeBytes(of: highOdd) { d in
                for j in 0..<Row.scalarCount / 2 {
                    let ab = Self.interleave16(a.loadUnaligned(fromByteOffset: 16 &* j, as: SIMD8<UInt16>.self),
                                               b.loadUnaligned(fromByteOffset: 16 &* j, as: SIMD8<UInt16>.self))
                    let cd = Self.interleave16(c.loadUnaligned(fromByteOffset: 16 &* j, as: SIMD8<UInt16>.self),
                                               d.loadUnaligned(fromByteOffset: 16 &* j, as: SIMD8<UInt16>.self))
                    // Units 32j…32j+7, +8…15, +16…23, +24…31, each as 4-byte offsets into `acc`.
                    let first = Self.interleave32(ab.low, cd.low), second = Self.interleave32(ab.high, cd.high)
                    Self.addWidened(first.low, to: out, at: 128 &* j)
                    Self.addWidened(first.high, to: out, at: 128 &* j &+ 32)
                    Self.addWidened(second.low, to: out, at: 128 &* j &+ 64)
                    Self.addWidened(second.high, to: out, at: 128 &* j &+ 96)
                }
            }
            }
            }
            }
            lowEven = Row()
            lowOdd = Row()
            highEven = Row()
            highOdd = Row()
        }

        /// The 16-bit lanes of `x` and `y` alternately: lanes 0…3 into `low`, 4…7 into `high` (`punpcklwd`/`punpckhwd`).
        @inline(__always)
        private static func interleave16(_ x: SIMD8<UInt16>, _ y: SIMD8<UInt16>) -> (low: SIMD8<UInt16>, high: SIMD8<UInt16>) {
            (SIMD8(x[0], y[0], x[1], y[1], x[2], y[2], x[3], y[3]), SIMD8(x[4], y[4], x[5], y[5], x[6], y[6], x[7], y[7]))
        }

        /// The same 32 bits at a time (`punpckldq`/`punpckhdq`).
        @inline(__always)
        private static func interleave32(_ x: SIMD8<UInt16>, _ y: SIMD8<UInt16>) -> (low: SIMD8<UInt16>, high: SIMD8<UInt16>) {
            let p = unsafeBitCast(x, to: SIMD4<UInt32>.self), q = unsafeBitCast(y, to: SIMD4<UInt32>.self)
            return (unsafeBitCast(SIMD4(p[0], q[0], p[1], q[1]), to: SIMD8<UInt16>.self),
                    unsafeBitCast(SIMD4(p[2], q[2], p[3], q[3]), to: SIMD8<UInt16>.self))
        }

        /// Adds eight 16-bit counts, widened to 32 bits, to the eight sums at byte `offset` of `out`.
        @inline(__always)
        private static func addWidened(_ counts: SIMD8<UInt16>, to out: UnsafeMutableRawPointer, at offset: Int) {
            let wide = interleave16(counts, SIMD8())
            let low = out.loadUnaligned(fromByteOffset: offset, as: SIMD4<Int32>.self)
            out.storeBytes(of: low &+ unsafeBitCast(wide.low, to: SIMD4<Int32>.self), toByteOffset: offset, as: SIMD4<Int32>.self)
            let high = out.loadUnaligned(fromByteOffset: offset &+ 16, as: SIMD4<Int32>.self)
            out.storeBytes(of: high &+ unsafeBitCast(wide.high, to: SIMD4<Int32>.self), toByteOffset: offset &+ 16, as: SIMD4<Int32>.self)
        }
    }

    /// `sumRows(into:_:)` for any row width (a multiple of 32 units), its lanes in a stack buffer, chunk by chunk.
    private func sumRows(inChunks acc: UnsafeMutableBufferPointer<Int32>,
                         _ visit: (_ add: (_ feature: FeatureExtractor.Feature, _ negated: Bool) -> Void) -> Void) {
        let hidden = self.hidden, chunks = hidden / 32, rowBytes = hidden / 2
        typealias Lanes = SIMD2<UInt64>
        let nibbles = Lanes(repeating: 0x0F0F_0F0F_0F0F_0F0F), evenBytes = Lanes(repeating: 0x00FF_00FF_00FF_00FF)
        acc.initialize(repeating: 0)
        // Per chunk: bytes[2c] the low nibbles, bytes[2c + 1] the high ones; words[4c + j] their even (j = 0, 2) and
        // odd (j = 1, 3) bytes in 16-bit lanes.
        withUnsafeTemporaryAllocation(of: Lanes.self, capacity: 6 * chunks) { scratch in
            scratch.initialize(repeating: Lanes())
            let bytes = UnsafeMutableBufferPointer(rebasing: scratch[0..<2 * chunks])
            let words = UnsafeMutableBufferPointer(rebasing: scratch[(2 * chunks)...])
            func widenBytes() {
                for i in 0..<2 * chunks {
                    words[2 * i] &+= bytes[i] & evenBytes
                    words[2 * i + 1] &+= (bytes[i] &>> 8) & evenBytes
                    bytes[i] = Lanes()
                }
            }
            func widenWords() {
                for i in 0..<4 * chunks {
                    // words[i]: chunk i / 4; high nibbles when i % 4 >= 2 (odd units); odd bytes when i is odd.
                    let chunk = i / 4, high = (i / 2) % 2, odd = i % 2
                    for e in 0..<2 {
                        for m in 0..<4 {
                            let byte = 8 * e + 2 * m + odd
                            acc[32 * chunk + 2 * byte + high] &+= Int32(truncatingIfNeeded: (words[i][e] >> UInt64(16 * m)) & 0xFFFF)
                        }
                    }
                    words[i] = Lanes()
                }
            }
            var count = 0, negatedCount = 0
            rows.withUnsafeBytes { raw in
                visit { feature, negated in
                    // Wrapping arithmetic: a row's offset cannot overflow, and the checks cost as much as the adds.
                    let offset = row(ofBucket: bucket(feature.hash)) &* rowBytes
                    for c in 0..<chunks {
                        let chunk = raw.loadUnaligned(fromByteOffset: offset &+ 16 &* c, as: Lanes.self)
                        var low = chunk & nibbles, high = (chunk &>> 4) & nibbles
                        if negated {
                            // 15 − s, lane by lane.
                            low ^= nibbles
                            high ^= nibbles
                        }
                        bytes[2 * c] &+= low
                        bytes[2 * c + 1] &+= high
                    }
                    count += 1
                    if negated { negatedCount += 1 }
                    if count % 16 == 0 {
                        widenBytes()
                        if count % 4096 == 0 { widenWords() }
                    }
                }
            }
            widenBytes()
            widenWords()
            let offset = Int32(truncatingIfNeeded: 8 * count - negatedCount)
            for h in 0..<hidden { acc[h] &-= offset }
        }
    }

    /// The probability of label `label` given the hidden units' activations. One label at a time: the detector
    /// reads every tactic's once, but a second reading (without the reply's negations) only for the few tactics
    /// still in question, and never the orientation labels.
    func probability(of label: Int, activations: UnsafeBufferPointer<Float>) -> Float {
        Self.probability(logit: logit(of: label, activations: activations))
    }

    /// The probability that goes with a logit (`logit(of:activations:)`).
    @inline(__always)
    static func probability(logit: Float) -> Float { 1 / (1 + exp(-logit)) }

    /// Label `label`'s logit: its output bias plus its output weights times the activations. Increasing in the
    /// probability, so the detector can rule a label out from it without the exponential.
    func logit(of label: Int, activations: UnsafeBufferPointer<Float>) -> Float {
        let chunks = hidden / 16
        precondition(label >= 0 && label < outputBiases.count && activations.count >= 16 * chunks)
        return output.withUnsafeBufferPointer { w in
            // The label's row and the activations as runs of 16 floats, bounds checked once above (per chunk, the
            // overflow and bounds checks cost as much as the multiply-adds).
            guard let weights = w.baseAddress, let values = activations.baseAddress else { return outputBiases[label] }
            let row = UnsafeRawPointer(weights + label &* hidden), a = UnsafeRawPointer(values)
            var sum = SIMD16<Float>()
            for c in 0..<chunks {
                sum += row.loadUnaligned(fromByteOffset: 64 &* c, as: SIMD16<Float>.self)
                    * a.loadUnaligned(fromByteOffset: 64 &* c, as: SIMD16<Float>.self)
            }
            return outputBiases[label] + sum.sum()
        }
    }

    /// The output weights of a fixed list of labels laid out for `logits(_:activations:into:)`, four labels to a vector.
    struct LogitTable: Sendable {
        /// The labels, in the order their logits are given.
        let labels: [Int]
        /// Per block of `LogitTable.blockLabels` labels (the last one padded with zero weights), per lane l of
        /// `logit(of:activations:)`'s 16-float sums, per chunk c, per group g of four labels: the weights of unit 16c + l
        /// of labels 4g…4g + 3 of the block.
        let weights: [SIMD4<Float>]
        static let groups = 6, blockLabels = 4 * groups
    }

    /// The logit table of `labels` (each a label of this model).
    func logitTable(of labels: [Int]) -> LogitTable {
        precondition(labels.allSatisfy { $0 >= 0 && $0 < outputBiases.count } && hidden % 16 == 0)
        let chunks = hidden / 16, groups = LogitTable.groups
        var weights: [SIMD4<Float>] = []
        for block in 0..<(labels.count + LogitTable.blockLabels - 1) / LogitTable.blockLabels {
            for l in 0..<16 {
                for c in 0..<chunks {
                    for g in 0..<groups {
                        var vector = SIMD4<Float>()
                        for k in 0..<4 {
                            let at = block * LogitTable.blockLabels + 4 * g + k
                            if at < labels.count { vector[k] = output[labels[at] * hidden + 16 * c + l] }
                        }
                        weights.append(vector)
                    }
                }
            }
        }
        return LogitTable(labels: labels, weights: weights)
    }

    /// The logits of `table`'s labels into `logits` (one each), exactly as `logit(of:activations:)` gives each: the same
    /// products added in the same order. There, each of a label's 16 lanes sums its products chunk by chunk, and
    /// `sum()` then adds the lanes one after the other (from −0, which adds nothing), and the label's bias last. Here
    /// a vector holds one lane's sum for four labels at once: lane by lane, its chunks are summed, and the lane is added
    /// to the labels' running totals, 24 labels a pass (12 vectors, kept in registers), each activation read once
    /// for all of them and the 16-lane sums no longer one scalar add at a time.
    func logits(_ table: LogitTable, activations: UnsafeBufferPointer<Float>, into logits: UnsafeMutableBufferPointer<Float>) {
        let chunks = hidden / 16, count = table.labels.count
        let blocks = (count + LogitTable.blockLabels - 1) / LogitTable.blockLabels
        // At most 32 chunks: a model file has at most 512 hidden units.
        precondition(activations.count >= hidden && logits.count >= count && table.weights.count == blocks * 16 * chunks * LogitTable.groups
                     && chunks <= 32)
        // Per lane, a bit for each chunk whose activation there is not zero. A unit the reply left off (about a third
        // of them: the ReLU) adds only zeros, and adding a zero changes no sum (a running sum is never -0: it starts
        // at +0, and no two numbers add up to -0 unless both are -0), so only the others are read: exactly the same
        // sums, fewer products.
        var bitsOfLanes = SIMD16<UInt32>()
        let a = UnsafeRawBufferPointer(activations)
        for c in 0..<chunks {
            let on = a.loadUnaligned(fromByteOffset: 64 &* c, as: SIMD16<Float>.self) .!= 0
            bitsOfLanes |= SIMD16<UInt32>().replacing(with: 1 << UInt32(c), where: on)
        }
        // In memory once: indexed by a variable lane, the vector was stored again for every lane of every block.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { laneBits in
        for l in 0..<16 { laneBits[l] = bitsOfLanes[l] }
        table.weights.withUnsafeBufferPointer { w in
            for block in 0..<blocks {
                var t0 = SIMD4<Float>(repeating: -0.0), t1 = t0, t2 = t0, t3 = t0, t4 = t0, t5 = t0
                for l in 0..<16 {
                    var v0 = SIMD4<Float>(), v1 = v0, v2 = v0, v3 = v0, v4 = v0, v5 = v0
                    var bits = laneBits[l]
                    let lane = (block &* 16 &+ l) &* chunks &* 6
                    while bits != 0 {
                        // The chunks in order, as before.
                        let c = bits.trailingZeroBitCount
                        bits &= bits &- 1
                        let x = SIMD4<Float>(repeating: activations[16 &* c &+ l]), at = lane &+ 6 &* c
                        v0 += w[at] * x
                        v1 += w[at &+ 1] * x
                        v2 += w[at &+ 2] * x
                        v3 += w[at &+ 3] * x
                        v4 += w[at &+ 4] * x
                        v5 += w[at &+ 5] * x
                    }
                    t0 += v0
                    t1 += v1
                    t2 += v2
                    t3 += v3
                    t4 += v4
                    t5 += v5
                }
                for g in 0..<LogitTable.groups {
                    let total: SIMD4<Float>
                    switch g {
                    case 0: total = t0
                    case 1: total = t1
                    case 2: total = t2
                    case 3: total = t3
                    case 4: total = t4
                    default: total = t5
                    }
                    for k in 0..<4 {
                        let index = block * LogitTable.blockLabels + 4 * g + k
                        guard index < count else { break }
                        logits[index] = outputBiases[table.labels[index]] + total[k]
                    }
                }
            }
        }
        }
    }

    /// For each label asked about: how much each feature alone moves its logit, read through the hidden
    /// units the reply switched on (the feature's row times the output weights of the active units) — its
    /// largest such push (in logit units; 0 when none is positive), and the indices of the `limit` features
    /// that push it most, strongest first (ties: earlier first). Reply-level features, which cover no span,
    /// are never counted. A label whose evidence is not `quoted` needs only to know whether some feature pushes
    /// it up: the pass stops looking for it at the first positive push (its peak), and gives no features.
    ///
    /// Into the caller's storage (the detector's, on its stack: a result array cost an allocation and a release a reply):
    /// label k's peak into `peaks[k]`, the number of its features into `featureCounts[k]`, and the features into
    /// `strongestFeatures[k * limit ..< k * limit + featureCounts[k]]`.
    func strongest(_ features: [FeatureExtractor.Feature], activations: UnsafeBufferPointer<Float>, labels: UnsafeBufferPointer<Int>,
                   quoted: UnsafeBufferPointer<Bool>, limit: Int, peaks: UnsafeMutableBufferPointer<Float>,
                   strongestFeatures: UnsafeMutableBufferPointer<Int>, featureCounts: UnsafeMutableBufferPointer<Int>) {
        precondition(peaks.count >= labels.count && featureCounts.count >= labels.count && strongestFeatures.count >= labels.count * max(0, limit))
        guard !labels.isEmpty, limit > 0 else {
            for k in labels.indices {
                peaks[k] = 0
                featureCounts[k] = 0
            }
            return
        }
        let hidden = self.hidden, count = labels.count
        precondition(activations.count >= hidden)
        // Scratch space on the stack (no array allocations in the hot path): per label, the output weight of each
        // active unit times its scale (0 for a unit the reply left off); one row's weights as floats; and per label
        // its best pushes so far (strongest first) with their feature indices. The reads apart from the pushes: up to
        // 1 KiB (two labels of 128 units) stays on the stack, more is a heap allocation.
        withUnsafeTemporaryAllocation(of: Float.self, capacity: count * hidden) { reads in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: count * limit) { pushes in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: count * limit + count) { ints in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: hidden) { w in
                    reads.initialize(repeating: 0)
                    pushes.initialize(repeating: 0)
                    ints.initialize(repeating: 0)
                    let indices = UnsafeMutableBufferPointer(rebasing: ints[0..<count * limit])
                    // Per label: how many pushes are kept; -1 once a label whose evidence is not quoted is settled.
                    let kept = UnsafeMutableBufferPointer(rebasing: ints[(count * limit)...])
                    // Sixteen units at a time (unit by unit, each with its checks, this cost as much as the rest of
                    // the pass): the same products, 0 where the activation is not positive.
                    output.withUnsafeBufferPointer { out in
                        scales.withUnsafeBufferPointer { scale in
                            let o = UnsafeRawBufferPointer(out), s = UnsafeRawBufferPointer(scale), a = UnsafeRawBufferPointer(activations)
                            let r = UnsafeMutableRawBufferPointer(reads)
                            for (k, label) in labels.enumerated() {
                                precondition(label >= 0 && label < outputBiases.count)
                                for c in 0..<hidden / 16 {
                                    let product = o.loadUnaligned(fromByteOffset: 4 &* (label &* hidden &+ 16 &* c), as: SIMD16<Float>.self)
                                        * s.loadUnaligned(fromByteOffset: 64 &* c, as: SIMD16<Float>.self)
                                    let on = a.loadUnaligned(fromByteOffset: 64 &* c, as: SIMD16<Float>.self) .> 0
                                    r.storeBytes(of: SIMD16<Float>().replacing(with: product, where: on),
                                                 toByteOffset: 4 &* (k &* hidden &+ 16 &* c), as: SIMD16<Float>.self)
                                }
                            }
                        }
                    }
                    var open = count
                    let r = UnsafeRawBufferPointer(reads), unpacked = UnsafeMutableRawBufferPointer(w)
                    rows.withUnsafeBytes { table in
                        for (i, feature) in features.enumerated() where feature.end > feature.start {
                            if open == 0 { break }
                            let row = row(ofBucket: bucket(feature.hash))
                            guard row != 0 else { continue }
                            // Two weights a byte, as floats 16 units (8 bytes) at a time, where a 256-entry table of
                            // float pairs cost a load and a store a byte: each byte widened to 16 bits, its high
                            // nibble moved up a byte, gives the units' levels in order (2k, 2k + 1) in bytes; less 8.
                            let base = row &* (hidden / 2)
                            for c in 0..<hidden / 16 {
                                let wide = SIMD8<UInt16>(truncatingIfNeeded: table.loadUnaligned(fromByteOffset: base &+ 8 &* c, as: SIMD8<UInt8>.self))
                                let levels = unsafeBitCast((wide & 0x0F) | ((wide &>> 4) &<< 8), to: SIMD16<UInt8>.self)
                                unpacked.storeBytes(of: SIMD16<Float>(levels) - 8, toByteOffset: 64 &* c, as: SIMD16<Float>.self)
                            }
                            for k in 0..<count where kept[k] >= 0 {
                                var sum = SIMD16<Float>()
                                for c in 0..<hidden / 16 {
                                    sum += r.loadUnaligned(fromByteOffset: 4 &* (k &* hidden &+ 16 &* c), as: SIMD16<Float>.self)
                                        * unpacked.loadUnaligned(fromByteOffset: 64 &* c, as: SIMD16<Float>.self)
                                }
                                let push = sum.sum()
                                guard push > 0 else { continue }
                                let slot = k * limit, n = kept[k]
                                if !quoted[k] {
                                    pushes[slot] = push
                                    kept[k] = -1
                                    open -= 1
                                    continue
                                }
                                guard n < limit || push > pushes[slot + n - 1] else { continue }
                                // Insert before the first weaker push (ties: the earlier feature stays first).
                                var at = 0
                                while at < n && pushes[slot + at] >= push { at += 1 }
                                var j = min(n, limit - 1)
                                while j > at { pushes[slot + j] = pushes[slot + j - 1]; indices[slot + j] = indices[slot + j - 1]; j -= 1 }
                                pushes[slot + at] = push
                                indices[slot + at] = i
                                kept[k] = min(n + 1, limit)
                            }
                        }
                    }
                    for k in 0..<count {
                        let n = kept[k], slot = k * limit
                        peaks[k] = n < 0 || n > 0 ? pushes[slot] : 0
                        featureCounts[k] = max(0, n)
                        for j in 0..<max(0, n) { strongestFeatures[slot + j] = indices[slot + j] }
                    }
                }
            }
            }
        }
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
