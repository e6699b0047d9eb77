/// A source of evidence for tactics: turns an analysed reply into findings. The cue matcher, the
/// exemplar similarity and the trained model are detectors; `FindingCombiner` turns all their findings
/// into one confidence per tactic, and `ReplyScorer` turns those into a score. A new kind of evidence
/// plugs in here.
protocol TacticDetector: Sendable {
    /// Appends this detector's findings for the reply; `findings` already holds those of the detectors
    /// that ran before (a detector may use them, as the exemplar detector does to pick value types).
    /// `buffers` is working space the detector may fill (and reuses from reply to reply).
    func detect(_ context: DetectionContext, into findings: inout [DetectorFinding], buffers: inout ReplyBuffers)
}

/// What a detector sees of one reply.
struct DetectionContext {
    /// The folded reply, its signals, cue matches, negation scopes and question clauses.
    var analysis: Analysis
    /// The buyer's value type, when the reply is scored for one.
    let buyer: ValueType?
    /// The buyer's line the reply answers, when known.
    let prompt: String?
}

/// One detector's evidence for one tactic in one reply.
struct DetectorFinding: Sendable {
    /// Which detector found it.
    enum Source: Int, Sendable, Comparable {
        case cues, exemplars, model
        static func < (a: Source, b: Source) -> Bool { a.rawValue < b.rawValue }
    }

    /// The tactic's position in the catalogue (`CueIndex.tactics`).
    var tactic: Int
    var source: Source
    /// Cues: the summed strength of the evidence units; exemplars: the cosine similarity to the closest
    /// model answer; model: the probability that the tactic is used.
    var strength: Double
    /// Model only: the probability read as if the reply negated nothing, when that is higher than `strength`
    /// (which is the lower of the two readings, so that a negation never adds credit). A withdrawal must not
    /// lean on that deliberately low reading.
    var unnegatedStrength: Double?
    /// The rep's own words that carry it, in reading order.
    var evidence: [String] = []
    /// Cues only: some credited (not questioned) piece of evidence carries a figure, e.g. "节约 ... {money}". (A piece
    /// merged from overlapping matches carries a figure when any of them does, as it is strong when any is.)
    var carriesFigure = false
    /// Cue phrases that matched (cues only).
    var cues: [String] = []
    /// Phrases that would have counted but were negated (cues only).
    var negated: [Assessment.Negated] = []
    /// Phrases that only appeared inside a question (cues only).
    var questioned: [String] = []
}
