import Testing
@testable import DojoKit

/// The negation property checked on every pair, not a sample: a random sample of 200 pairs missed the
/// one pair ("不" + "同樣規格…" reads "不同", which negates nothing) that once broke it by 0.001.
@Suite("Negation never adds credit: every playbook example × every negator")
struct NegationExhaustiveTests {
    @Test("the product's evaluator (cues + trained model): confidence never rises when a negator is put in front")
    func everyPair() {
        let examples = Shipped.library.catalog.allTactics.filter { !$0.isAntiPattern }.flatMap { t in t.matchExamples.map { (t.id, $0) } }
        #expect(examples.count > 100)
        for (tactic, example) in examples {
            let before = Shipped.evaluator.assess(example).tactics.first { $0.id == tactic }?.confidence ?? 0
            for negator in ReplyParts.negators {
                let after = Shipped.evaluator.assess(negator + example).tactics.first { $0.id == tactic }?.confidence ?? 0
                #expect(after <= before + 1e-9, "\(negator)\(example): \(before) → \(after)")
            }
        }
    }
}
