import Testing
@testable import DojoKit

/// The combiner's rules on made-up findings, independent of any trained weights: which cue evidence the model
/// may withdraw, and which stays decisive.
@Suite("Finding combiner: clear cues, figures and the model's veto")
struct FindingCombinerTests {
    /// Tactic 0 is price-angle (intrinsic); tactic 1 is an anti-pattern.
    let combiner = FindingCombiner(tacticIDs: ["price-angle", "premature-discount"], tacticTypes: [.intrinsic, nil],
                                   policy: FindingCombiner.Policy(credit: 0.6, veto: 0.05, modelOnlyMargin: 0))

    /// Cue evidence of pieces of these weights (strongest first), and the model all but sure the tactic is not used.
    func combined(tactic: Int = 0, pieces: [Double], figure: Bool = false, model: Double = 0.01) -> Assessment.TacticFinding? {
        let strength = CueDetector.strength(of: pieces.enumerated().map { i, weight in
            Analysis.EvidenceUnit(tactic: tactic, start: 3 * i, end: 3 * i + 2, strong: weight > 0.5, figure: figure, questioned: false)
        }, tactic: tactic)
        let cue = DetectorFinding(tactic: tactic, source: .cues, strength: strength, evidence: ["x"], carriesFigure: figure, cues: ["x"])
        let found = DetectorFinding(tactic: tactic, source: .model, strength: model, unnegatedStrength: model)
        let (tactics, antiPatterns) = combiner.combine([cue, found])
        return (tactics + antiPatterns).first
    }

    @Test("evidence short of clear is withdrawn when the model is all but sure it is wrong, on both readings")
    func withdrawn() throws {
        #expect(combined(pieces: [0.5])?.isUsed == false)
        #expect(combined(pieces: [0.6])?.isUsed == false)
        #expect(combined(pieces: [0.5, 0.5])?.isUsed == false)
        // Not when the model is less sure, or when one reading (without the negations) is above the veto.
        #expect(combined(pieces: [0.6], model: 0.2)?.isUsed == true)
        let cue = DetectorFinding(tactic: 0, source: .cues, strength: 0.6, evidence: ["x"], cues: ["x"])
        let model = DetectorFinding(tactic: 0, source: .model, strength: 0.01, unnegatedStrength: 0.3)
        #expect(combiner.combine([cue, model]).tactics.first?.isUsed == true)
    }

    @Test("clear evidence stays decisive: a structured cue and a second piece, or three pieces")
    func clear() {
        #expect(combined(pieces: [0.6, 0.5])?.isUsed == true)
        #expect(combined(pieces: [0.5, 0.5, 0.5])?.isUsed == true)
    }

    @Test("a tactic's cue with a figure stays decisive; an anti-pattern's does not")
    func figures() {
        #expect(combined(pieces: [0.6], figure: true)?.isUsed == true)
        #expect(combined(tactic: 1, pieces: [0.6], figure: true) == nil)
        #expect(combined(tactic: 1, pieces: [0.6, 0.5, 0.5], figure: true) != nil)
    }
}
