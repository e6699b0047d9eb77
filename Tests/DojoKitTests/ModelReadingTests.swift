import Testing
@testable import DojoKit

/// How the evaluator reads the trained model beyond its tactic probabilities (session 20): its own reading of the
/// value type where used tactics of two types compete, and tactics said with a negation read as written.
@Suite("Model readings: the type the reply leads with, tactics said with a negation")
struct ModelReadingTests {
    private static func finding(_ id: String, _ type: ValueType, _ confidence: Double) -> Assessment.TacticFinding {
        Assessment.TacticFinding(id: id, valueType: type, confidence: confidence, evidence: [], cues: [], similarity: 0,
                                 negated: [], questioned: [])
    }

    @Test("the model's reading of the type decides between used tactics of two types, and never makes a type without one win")
    func typeLean() {
        let mixed = [Self.finding("price-angle", .intrinsic, 0.8), Self.finding("optimization-advice", .extrinsic, 0.7)]
        // Without a reading: the larger total wins.
        #expect(Evaluator.orientation(of: mixed, buyer: nil) == .intrinsic)
        // The model reads the reply as extrinsic: its 0.9 outweighs the 0.1 gap.
        #expect(Evaluator.orientation(of: mixed, buyer: nil, lean: SIMD4(0.05, 0.9, 0.05, 0)) == .extrinsic)
        // A reading barely leaning the other way does not overturn a clear total.
        #expect(Evaluator.orientation(of: mixed, buyer: nil, lean: SIMD4(0.3, 0.35, 0, 0)) == .intrinsic)
        // Strategic has no used tactic: however sure the model is of it, it cannot win.
        #expect(Evaluator.orientation(of: mixed, buyer: nil, lean: SIMD4(0.1, 0.1, 0.99, 0)) == .intrinsic)
        // A tactic short of used counts for nothing, and no used tactic means no orientation.
        #expect(Evaluator.orientation(of: [Self.finding("team-value", .extrinsic, 0.45)], buyer: nil, lean: SIMD4(0, 1, 0, 0)) == nil)
    }

    @Test("a plain answer with certificates earns no barrier; a volunteered bar still does")
    func certificates() {
        #expect(!Shipped.evaluator.assess("Yes, ISO 9001 and 14001, certificates attached.").used("differentiation-barrier"))
        #expect(Shipped.evaluator.assess("We're one of only two suppliers in the region certified to ISO 13485 for this part, so cheaper bidders won't pass your audit.")
            .used("differentiation-barrier"))
    }

    /// The shipped model with no label read as written: what the detector did before session 20.
    private static let lowerReadingOnly: Evaluator = {
        let model = Shipped.model!
        var metadata = model.metadata
        metadata.saidWithNegation = []
        return Evaluator(catalog: Shipped.library.catalog,
                         model: TacticModel(metadata: metadata, scales: model.scales, hiddenBiases: model.hiddenBiases, output: model.output,
                                            outputBiases: model.outputBiases, present: model.present, rows: model.rows, ngram: model.ngram))
    }()

    @Test("a tactic said with a negation is read as written: credited, and surer than on the lower, negation-free reading",
          arguments: [
            ("Understood. I won't bother you with a meeting, here's our final number, 6% under what we quoted last time, and it's the same product.", "cut-sales-cost"),
            ("明白，就不约您开会了，最终价比上次报的低6%，产品一样。", "cut-sales-cost"),

            ("then we're not the right partner for that, sorry", "walk-away"),
            ("那我們可能不是最適合的，我們不做機翻直接交付的低價案子", "walk-away"),
          ])
    func saidWithNegation(reply: String, tactic: String) throws {
        let model = try #require(Shipped.model)
        #expect(model.metadata.saidWithNegation.contains(tactic))
        let asWritten = try #require(Shipped.evaluator.assess(reply).tactics.first { $0.id == tactic })
        #expect(asWritten.isUsed, "\(reply)")
        // Before session 23 the lower reading lost these outright; with the n-gram table averaged in (whose own reading
        // without the negation still speaks for some of them) it may keep them, but never as surely.
        let lower = Self.lowerReadingOnly.assess(reply).tactics.first { $0.id == tactic }?.confidence ?? 0
        #expect(lower < asWritten.confidence, "\(reply)")
    }

    @Test("only the tactics said with a negation change: every other tactic's confidence is the same either way")
    func onlyThoseTacticsChange() throws {
        let model = try #require(Shipped.model)
        let readAsWritten = Set(model.metadata.saidWithNegation)
        for reply in ["We can't go lower, but no visits needed: order online and save 3% on every unit.",
                      "不用派人来了，我们不走经销商，单价再降5%，你们的产线也不用停。",
                      "We won't be at the trade show, but our engineer can't wait to see your line next week."] {
            let with = Shipped.evaluator.assess(reply), without = Self.lowerReadingOnly.assess(reply)
            for finding in with.tactics where !readAsWritten.contains(finding.id) {
                #expect(finding.confidence == (without.tactics.first { $0.id == finding.id }?.confidence ?? -1), "\(reply): \(finding.id)")
            }
            for finding in without.tactics where readAsWritten.contains(finding.id) {
                #expect((with.tactics.first { $0.id == finding.id }?.confidence ?? 0) >= finding.confidence, "\(reply): \(finding.id)")
            }
        }
    }
}
