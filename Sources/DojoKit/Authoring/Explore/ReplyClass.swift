/// A set of replies a turn's branch conditions cannot tell apart: a band of scores, the tactics used
/// (among those the conditions ask about) and whether the reply speaks to another value type.
///
/// Exploration treats these as independent, which over-approximates what the evaluator can produce
/// (a reply using `hard-sell` with a score of 100, say); `dojo explore --random` plays real replies.
public struct ReplyClass: Sendable, Hashable, CustomStringConvertible {
    /// The scores in the class.
    public var scores: ClosedRange<Int>
    /// Tactic ids used, sorted (only those some condition of the turn reads).
    public var used: [String]
    /// Whether the reply's orientation mismatches the buyer.
    public var mismatch: Bool

    /// Most tactics whose every combination is tried; beyond it, combinations of up to three.
    static let maxFullCombinations = 8

    /// Every class the turn's conditions distinguish, in a fixed order.
    static func classes(for atoms: ConditionAtoms) -> [ReplyClass] {
        let tactics = atoms.tactics.sorted()
        var subsets: [[String]] = [[]]
        for tactic in tactics {
            subsets += subsets.compactMap { subset in
                tactics.count <= maxFullCombinations || subset.count < 3 ? subset + [tactic] : nil
            }
        }
        let mismatches = atoms.readsMismatch ? [false, true] : [false]
        var classes: [ReplyClass] = []
        for band in atoms.scoreBands {
            for subset in subsets {
                for mismatch in mismatches { classes.append(ReplyClass(scores: band, used: subset, mismatch: mismatch)) }
            }
        }
        return classes
    }

    /// `score 50–69, used price-angle, mismatch`.
    public var description: String {
        var parts = [scores.lowerBound == scores.upperBound ? "score \(scores.lowerBound)" : "score \(scores.lowerBound)–\(scores.upperBound)"]
        parts.append(used.isEmpty ? "no tactic asked about" : "used " + used.joined(separator: ", "))
        if mismatch { parts.append("mismatch") }
        return parts.joined(separator: ", ")
    }
}

/// The condition context of one reply class in one dialogue state; `score` is the band's lowest
/// value, which decides every comparison with a constant the same way as any other score in the band.
struct ReplyClassContext: ConditionContext {
    var replyClass: ReplyClass
    var turn: Int
    var meters: [String: Int]

    var score: Double { Double(replyClass.scores.lowerBound) }
    var mismatch: Bool { replyClass.mismatch }
    func meter(_ name: String) -> Int { meters[name] ?? 0 }
    func used(_ tacticID: String) -> Bool { replyClass.used.contains(tacticID) }
}
