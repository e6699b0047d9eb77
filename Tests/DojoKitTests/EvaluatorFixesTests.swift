import Testing
@testable import DojoKit

/// Issue 9's "fix on the way" list, pinned on the cue matcher alone (the trained model must not be what
/// makes them pass) and on the product's evaluator.
@Suite("Evaluator fixes: bare amounts, compound nouns, sentences with figures, deadlines, brevity")
struct EvaluatorFixesTests {
    @Test("an amount without a currency word is money per period or after a verb of money", arguments: [
        "We can save you 200k a year.", "That's 200,000 saved every year.", "It will cost you 15k less than now.",
    ])
    func bareAmounts(reply: String) {
        let analysis = Analysis(reply: reply, index: Shipped.cueEvaluator.index)
        #expect(analysis.spans.contains { $0.kind == .money }, "\(reply)")
        #expect(Shipped.cueEvaluator.assess(reply).used("price-angle"))
        #expect(Shipped.evaluator.assess(reply).used("price-angle"))
    }

    @Test("a count of things is not money", arguments: ["We ship 20000 units a year.", "Order 5000 pieces.", "Call me at 3000."])
    func countsAreNotMoney(reply: String) {
        let analysis = Analysis(reply: reply, index: Shipped.cueEvaluator.index)
        #expect(!analysis.spans.contains { $0.kind == .money }, "\(reply)")
    }

    @Test("a unit-price cut is price-angle")
    func unitPriceCut() {
        #expect(Shipped.cueEvaluator.assess("We'll cut the unit price by 8%.").used("price-angle"))
    }

    @Test("a cue that only modifies a role noun earns nothing; the same words as a resource still do")
    func compoundNouns() {
        #expect(!Shipped.cueEvaluator.assess("Our warehouse planning engineer will visit.").used("resource-sharing"))
        #expect(Shipped.cueEvaluator.assess("Our warehouses near your plant are open to you.").used("resource-sharing"))
    }

    @Test("a full sentence with figures is not a keyword list; a list of keywords still is")
    func sentencesWithFigures() {
        let sentence = Shipped.cueEvaluator.assess(
            "About CNY 420,000 a year: 6% from buying factory-direct, 3% from standardising lengths, plus no visits and no dealer markup.",
            buyer: .intrinsic)
        #expect(!sentence.cueStuffing)
        #expect((sentence.score ?? 0) > 50)
        #expect(Shipped.cueEvaluator.assess("economies of scale volume rebate bundled savings direct shipment lowest unit price").cueStuffing)
    }

    @Test("chat clauses run together with spaces or commas are talk, not a keyword list", arguments: [
        "可以 我这边直接给您出厂价 跳过代理商 每吨少80块",
        "可以，我這邊直接給您出廠價，跳過代理商，每吨少80塊",
        "有 我哋網上落單平3% 唔使等我覆 直接送貨",
    ])
    func spacedChatIsNotAList(reply: String) {
        let assessment = Shipped.evaluator.assess(reply, buyer: .intrinsic)
        #expect(!assessment.cueStuffing)
        #expect(assessment.usedTactics.contains { $0.id == "price-angle" })
        // The same words as bare keywords still are a list.
        #expect(Shipped.cueEvaluator.assess("出厂价 跳过代理商 批量价 渠道直供 节约成本", buyer: .intrinsic).cueStuffing)
    }

    @Test("a deadline squeeze is hard-sell", arguments: ["今天签约的话再打九折，这个价格只到本周五",
                                                         "Sign by Friday and I'll hold 5% off; the price is only valid until Friday."])
    func deadlines(reply: String) {
        #expect(Shipped.cueEvaluator.assess(reply).used("hard-sell"))
        #expect(Shipped.evaluator.assess(reply).used("hard-sell"))
    }

    @Test("no turn's own model answer is told it is too long")
    func modelAnswersAreBriefEnough() {
        var checked = 0
        for scenario in Shipped.library.scenarios where scenario.valueType == .intrinsic {
            for turn in scenario.turns {
                guard let answer = turn.modelAnswer else { continue }
                let assessment = Shipped.evaluator.assess(answer, buyer: scenario.valueType, expectation: TurnExpectation(turn))
                #expect(!assessment.explanation.contains(.style(.brevity, met: false)), "\(scenario.id) \(turn.id)")
                checked += 1
            }
        }
        #expect(checked >= 10)
    }
}
