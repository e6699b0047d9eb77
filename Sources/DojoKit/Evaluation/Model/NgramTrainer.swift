import Foundation

/// Fits `NgramTable`: per label, logistic regression by plain stochastic gradient descent with L2 (the "optimal" step
/// size 1 / (alpha × (t0 + t)) of Bottou's SGD, as scikit-learn's `SGDClassifier` uses it), every label on the same
/// seeded order of examples, so the same examples give the same table byte for byte. Then, as the network's outputs
/// are, each label's bias is moved so that its best-F1 point on held-back replies falls at the model's `credit`.
struct NgramTrainer: Sendable {
    struct Settings: Sendable, Hashable {
        /// Session 23: with the network's 5 MB budget, 2^15 + 2^14 buckets of 8-bit weights (1 MB for 20 tactics).
        var charBits = 15, wordBits = 14
        /// The scikit-learn probe of session 22 (docs/tools/linear-probe.py): 15 passes at alpha 5e-7.
        var epochs = 15
        var alpha = 5e-7
        var networkWeight = 0.5
        var seed: UInt64 = 20_261_203
        var calibrationFolds = 3
    }

    /// One training reply: its n-grams' buckets (`NgramReader`, read as written) and per label 1, 0, or -1 (unknown).
    struct Example {
        var buckets: [Int32]
        var targets: [Int8]
    }

    let labels: [String]
    let settings: Settings
    let credit: Double

    /// The table fitted on `corpus` and `extra` (playbook examples, in every fold), calibrated on the corpus.
    func train(corpus: [Example], extra: [Example]) -> NgramTable {
        let all = corpus + extra
        let idf = Self.idf(all, buckets: 1 << settings.charBits + 1 << settings.wordBits)
        var fitted = fit(all, idf: idf)
        calibrate(&fitted.biases, corpus: corpus, extra: extra, idf: idf)
        return NgramTable(labels: labels, charBits: settings.charBits, wordBits: settings.wordBits, networkWeight: settings.networkWeight,
                          idf: idf, floatWeights: fitted.weights, biases: fitted.biases)
    }

    /// Smoothed IDF per bucket, ×16 and rounded, capped at 255: ln((1 + N) / (1 + df)) + 1.
    static func idf(_ examples: [Example], buckets: Int) -> [UInt8] {
        var df = [Int](repeating: 0, count: buckets), seenIn = [Int32](repeating: -1, count: buckets)
        for (i, example) in examples.enumerated() {
            for b in example.buckets where seenIn[Int(b)] != Int32(i) {
                seenIn[Int(b)] = Int32(i)
                df[Int(b)] += 1
            }
        }
        let n = Double(examples.count)
        return df.map { UInt8(min(255, ((Foundation.log((1 + n) / (1 + Double($0))) + 1) * 16).rounded())) }
    }

    /// Float weights (`buckets × labels`, bucket-major) and biases.
    func fit(_ examples: [Example], idf: [UInt8]) -> (weights: [Float], biases: [Float]) {
        let count = labels.count, buckets = idf.count
        var w = [Double](repeating: 0, count: buckets * count)
        var scale = [Double](repeating: 1, count: count), bias = [Double](repeating: 0, count: count)
        let alpha = settings.alpha
        // The "optimal" schedule's start (scikit-learn's heuristic): eta at t = 1 is typw / dloss(-typw, 1).
        let typw = (1 / alpha.squareRoot()).squareRoot()
        let eta0 = typw / max(1, -Self.dloss(-typw, 1))
        let t0 = 1 / (eta0 * alpha)
        // Sparse input: the intercept moves at a hundredth of the step (scikit-learn's SPARSE_INTERCEPT_DECAY).
        let interceptDecay = 0.01
        var t = 1.0
        var order = Array(examples.indices)
        var rng = SplitMix64(seed: settings.seed)
        var margins = [Double](repeating: 0, count: count)
        w.withUnsafeMutableBufferPointer { w in
        for _ in 0..<settings.epochs {
            order.shuffle(using: &rng)
            for i in order {
                let example = examples[i]
                var norm = 0.0
                for b in example.buckets { let q = Double(idf[Int(b)]); norm += q * q }
                guard norm > 0 else { continue }
                let inverse = 1 / norm.squareRoot()
                for l in 0..<count { margins[l] = 0 }
                for b in example.buckets {
                    let x = Double(idf[Int(b)]) * inverse, row = Int(b) * count
                    for l in 0..<count { margins[l] += x * w[row + l] }
                }
                let eta = 1 / (alpha * (t0 + t - 1))
                t += 1
                for l in 0..<count {
                    let target = example.targets[l]
                    guard target >= 0 else { margins[l] = 0; continue }
                    let p = margins[l] * scale[l] + bias[l]
                    let update = -eta * Self.dloss(p, target == 1 ? 1 : -1)
                    scale[l] *= max(0, 1 - eta * alpha)
                    bias[l] += update * interceptDecay
                    // The step, in the units of the unscaled weights.
                    margins[l] = update / scale[l]
                }
                for b in example.buckets {
                    let x = Double(idf[Int(b)]) * inverse, row = Int(b) * count
                    for l in 0..<count { w[row + l] += x * margins[l] }
                }
                // Fold the scale back in before it underflows.
                for l in 0..<count where scale[l] < 1e-9 {
                    for b in 0..<buckets { w[b * count + l] *= scale[l] }
                    scale[l] = 1
                }
            }
        }
        }
        var weights = [Float](repeating: 0, count: buckets * count)
        for b in 0..<buckets { for l in 0..<count { weights[b * count + l] = Float(w[b * count + l] * scale[l]) } }
        return (weights, bias.map(Float.init))
    }

    /// The derivative of the log loss at margin `p` for the label `y` (±1), as scikit-learn computes it.
    static func dloss(_ p: Double, _ y: Double) -> Double {
        let z = p * y
        if z > 18 { return -y * Foundation.exp(-z) }
        if z < -18 { return -y }
        return -y / (Foundation.exp(z) + 1)
    }

    /// Moves each label's bias so that the probability at its best-F1 threshold on out-of-fold corpus replies (folds by
    /// position, 0.05 steps from 0.05 to 0.85; on a tie, the one nearest `credit`) becomes `credit`.
    func calibrate(_ biases: inout [Float], corpus: [Example], extra: [Example], idf: [UInt8]) {
        let folds = settings.calibrationFolds, count = labels.count
        guard folds >= 2, corpus.count >= folds * 10 else { return }
        let results = FoldResults(count: folds)
        DispatchQueue.concurrentPerform(iterations: folds) { fold in
            let training = corpus.indices.filter { $0 % folds != fold }.map { corpus[$0] } + extra
            let fitted = fit(training, idf: idf)
            var probabilities: [Float] = []
            for i in corpus.indices where i % folds == fold {
                probabilities += Self.probabilities(corpus[i].buckets, weights: fitted.weights, biases: fitted.biases, idf: idf)
            }
            results.set(fold, probabilities)
        }
        let perFold = results.all
        var cursor = [Int](repeating: 0, count: folds)
        var probability = [[Float]](repeating: [], count: corpus.count)
        for i in corpus.indices {
            let fold = i % folds
            probability[i] = Array(perFold[fold][cursor[fold]..<cursor[fold] + count])
            cursor[fold] += count
        }
        let credit = Float(self.credit)
        for l in 0..<count {
            biases[l] += ThresholdCalibration.biasShift(label: l, steps: 1...17, credit: credit, replies: corpus.indices,
                                                        target: { corpus[$0].targets[l] }, probability: { probability[$0][l] })
        }
    }

    /// Each label's probability for one reply under float weights.
    static func probabilities(_ buckets: [Int32], weights: [Float], biases: [Float], idf: [UInt8]) -> [Float] {
        let count = biases.count
        var sums = [Double](repeating: 0, count: count), norm = 0.0
        for b in buckets {
            let q = Double(idf[Int(b)]), row = Int(b) * count
            norm += q * q
            for l in 0..<count { sums[l] += q * Double(weights[row + l]) }
        }
        let inverse = norm > 0 ? 1 / norm.squareRoot() : 0
        return (0..<count).map { l in 1 / (1 + Foundation.exp(-(Double(biases[l]) + sums[l] * inverse))) }.map(Float.init)
    }
}

/// The folds' out-of-fold probabilities, filled by concurrent fits (each fold its own slot).
private final class FoldResults: @unchecked Sendable {
    // @unchecked: `slots` is only touched with `lock` held.
    private var slots: [[Float]?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ values: [Float]) { lock.withLock { slots[index] = values } }
    var all: [[Float]] { lock.withLock { slots.map { $0! } } }
}
