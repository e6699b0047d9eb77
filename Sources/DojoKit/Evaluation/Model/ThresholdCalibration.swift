import Foundation

/// Each label's decision point from out-of-fold probabilities, for both model families (`ModelTrainer`, `NgramTrainer`):
/// the threshold (in steps of 0.05) with the label's best F1 over the replies that know the label, and the logit shift
/// that moves it to `credit`.
enum ThresholdCalibration {
    /// The shift to add to label `label`'s output bias (`probability(i)`: reply i's out-of-fold probability of the label;
    /// `target(i)`: 1, 0, or -1 for unknown). On a tie, the threshold nearest `credit` wins.
    static func biasShift(label: Int, steps: ClosedRange<Int>, credit: Float, replies: Range<Int>,
                          target: (Int) -> Int8, probability: (Int) -> Float) -> Float {
        var best = credit, bestF1: Float = -1
        for step in steps {
            let threshold = Float(step) * 0.05
            var tp: Float = 0, fp: Float = 0, fn: Float = 0
            for i in replies where target(i) >= 0 {
                let predicted = probability(i) >= threshold, actual = target(i) == 1
                if predicted && actual { tp += 1 } else if predicted { fp += 1 } else if actual { fn += 1 }
            }
            let f1 = tp > 0 ? 2 * tp / (2 * tp + fp + fn) : 0
            if f1 > bestF1 + 1e-6 || (abs(f1 - bestF1) <= 1e-6 && abs(threshold - credit) < abs(best - credit)) {
                bestF1 = f1
                best = threshold
            }
        }
        // Shift the logit: p(x) = t at the label's best point becomes p = credit.
        func logit(_ p: Float) -> Float { Foundation.log(p / (1 - p)) }
        return logit(credit) - logit(best)
    }
}
