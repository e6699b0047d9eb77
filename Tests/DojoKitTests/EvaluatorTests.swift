import Foundation
import Testing
@testable import DojoKit

@Suite("Evaluator: normaliser, slots, negation, playbook examples")
struct EvaluatorTests {
    let evaluator = Shipped.evaluator

    @Test("normaliser: NFKC, case, whitespace, Traditional → Simplified, with an offset map")
    func normaliser() {
        let text = NormalizedText("我們每年節約２０萬元，  SAVE  ＄30K！")
        #expect(text.folded == "我们每年节约20万元, save $30k!")
        // Every folded scalar maps back to the original, so quotes are in the rep's own spelling.
        let range = 4..<10
        #expect(text.quote(range) == "節約２０萬元")
        // A scalar whose NFKC form is longer than its UTF-8 (U+FDFA: 3 bytes, 18 scalars) still folds
        // completely, and quotes still map back to it.
        // Precomputed folds: an ellipsis becomes three points, a Kangxi radical a simplified ideograph,
        // Latin-1 letters lose case.
        #expect(NormalizedText("好的……⾨É").folded == "好的......门é")
        #expect("  \u{3000}报价 \n".trimmingWhitespace() == "报价")
        #expect("\n报价\n ".trimmingWhitespace(newlines: false) == "\n报价\n")
        let expanding = NormalizedText("ﷺ ok")
        #expect(expanding.scalars.count == 21)
        #expect(expanding.quote(0..<18) == "ﷺ")
        #expect(expanding.quote(19..<21) == "ok")
    }

    @Test("slots: money, percent, duration, number, question", arguments: [
        ("节约20万元", SignalScanner.Kind.money, "20万元"),
        ("节约 20 萬元", .money, "20 萬元"),
        ("大约¥200,000", .money, "¥200,000"),
        ("about $30k", .money, "$30k"),
        ("200k dollars a year", .money, "200k dollars"),
        ("每支便宜一块五", .money, "一块五"),
        ("每只省八毛钱", .money, "八毛钱"),
        ("每年节约二十多万", .money, "二十多万"),
        ("省下20余万元", .money, "20余万元"),
        ("十来天就能交货", .duration, "十来天"),
        ("降低 8%", .percent, "8%"),
        ("百分之十五", .percent, "百分之十五"),
        ("给您打八折", .percent, "八折"),
        ("省三成", .percent, "三成"),
        ("15 percent off", .percent, "15 percent"),
        ("三个月内交付", .duration, "三个月内"),
        ("within 2 weeks", .duration, "2 weeks"),
        ("一周内决策", .duration, "一周内"),
        ("五万件", .number, "五万"),
        ("您觉得呢", .question, "呢"),
    ])
    func slots(_ input: String, _ kind: SignalScanner.Kind, _ expected: String) {
        let text = NormalizedText(input)
        let spans = SignalScanner.scan(text.scalars).filter { $0.kind == kind }
        #expect(spans.map { text.quote($0.start..<$0.end) }.contains(expected), "\(spans)")
    }

    @Test("no false slots", arguments: ["一定会感兴趣", "一起合作", "成本下降", "统一管理", "we are a team"])
    func noFalseSlots(_ input: String) {
        let spans = SignalScanner.scan(NormalizedText(input).scalars)
        #expect(spans.filter { $0.kind != .question }.isEmpty, "\(spans)")
    }

    @Test("English stemming: Porter's step 1 and 5a", arguments: [
        ("caresses", "caress"), ("ponies", "poni"), ("cats", "cat"), ("feed", "feed"), ("agreed", "agre"),
        ("plastered", "plaster"), ("motoring", "motor"), ("sing", "sing"), ("conflated", "conflat"), ("troubled", "troubl"),
        ("hopping", "hop"), ("falling", "fall"), ("filing", "file"), ("happy", "happi"), ("sky", "sky"),
        ("saves", "save"), ("saving", "save"), ("savings", "save"), ("prices", "price"), ("pricing", "price"),
        ("services", "servic"), ("service", "servic"), ("needs", "need"), ("needed", "need"), ("companies", "compani"),
        ("cutting", "cut"), ("costs", "cost"), ("is", "is"), ("the", "the"),
    ])
    func stemmer(_ word: String, _ expected: String) {
        let stem = EnglishStemmer.stem(phrase: word.unicodeScalars.map(\.value))
        #expect(String(String.UnicodeScalarView(stem.compactMap(Unicode.Scalar.init))) == expected)
    }

    @Test("English cues match every inflection of every word, and quotes keep the rep's words")
    func englishInflections() {
        let reply = "You'll be ordering online from now on; skipping the visits saves you time."
        let assessment = evaluator.assess(reply)
        #expect(assessment.used("cut-sales-cost"))
        let evidence = assessment.tactics.first { $0.id == "cut-sales-cost" }?.evidence ?? []
        #expect(evidence.contains("ordering online"), "\(evidence)")
        #expect(evidence.contains("skipping the visits"), "\(evidence)")
        for quote in evidence { #expect(reply.contains(quote)) }
        // A stem under three letters is not used (using → us would match "us").
        #expect(EnglishStemmer.stem(phrase: Array("see us using it".unicodeScalars.map(\.value)))
            == Array("see us using it".unicodeScalars.map(\.value)))
        // Word boundaries still hold: a stem inside a longer word is not the word.
        #expect(!evaluator.assess("The pricey spectacle was costly.").used("price-angle"))
    }

    /// Small talk and logistics: the widened cue lists must not read tactics into them.
    @Test("small talk and logistics earn no tactic", arguments: [
        "今天天气不错，我们下午再聊。",
        "您好，我是恒锐的小李，上次展会上见过。",
        "好的，我记下了，回去跟领导汇报一下。",
        "请问您什么时候方便接电话？",
        "我们公司在江苏，成立十几年了。",
        "谢谢您抽时间见我们。",
        "这个问题我需要回去确认一下再答复您。",
        "没问题，我们按您的要求来。",
        "我刚从上海出差回来，路上有点堵。",
        "明天上午十点我再给您打电话。",
        "周末愉快，下周见。",
        "您说的情况我理解了。",
        "这份资料我发您微信了。",
        "Thanks for taking the time to meet with us today.",
        "I'll call you back tomorrow morning.",
        "We are based in Jiangsu and have been around for fifteen years.",
        "Sorry for the delay, traffic was terrible.",
        "Let me check with my manager and get back to you.",
        "Nice to meet you, I'm Li from Hengrui.",
        "Could you repeat the part number, please?",
        "The weather in Shanghai has been great this week.",
        "I sent the brochure to your email yesterday.",
        "Have a good weekend.",
        "Our factory has about three hundred employees.",
        "I understand your situation.",
        "We met at the trade fair last month.",
        "That makes sense, thank you.",
        "What time works best for a call?",
        "I will forward this to our team.",
    ])
    func neutral(_ reply: String) {
        let assessment = evaluator.assess(reply)
        #expect(assessment.usedTactics.isEmpty, "\(assessment.usedTactics.map { ($0.id, $0.evidence) })")
        #expect(assessment.antiPatterns.isEmpty, "\(assessment.antiPatterns.map { ($0.id, $0.evidence) })")
    }

    /// The session-13 model put `feature-push` at p 0.95 on this one phrasing (a bare company fact, not a feature), though
    /// not on "我们公司有三百多名员工。", "我们工厂有三百多人。" or the sentence with a second clause; the session-15 model (the
    /// corpus relabelled to the guide's session-13 and session-14 sections) no longer does.
    @Test("a bare company fact earns no tactic and no anti-pattern")
    func companyFact() {
        let assessment = evaluator.assess("我们的工厂有三百多名员工。")
        #expect(assessment.usedTactics.isEmpty, "\(assessment.usedTactics.map { ($0.id, $0.evidence) })")
        #expect(assessment.antiPatterns.isEmpty, "\(assessment.antiPatterns.map { ($0.id, $0.evidence) })")
    }

    @Test("negation and questions (the issue's cases)")
    func negation() {
        #expect(!evaluator.assess("我们不会降价").used("price-angle"))
        #expect(evaluator.assess("我们不会降价").tactics.first { $0.id == "price-angle" }?.negated.first?.trigger == "不会")
        #expect(evaluator.assess("不用安排见面，报价直接发您").used("cut-sales-cost"))
        #expect(!evaluator.assess("需要我们降价吗？").used("price-angle"))
        #expect(!evaluator.assess("We won't cut the price.").used("price-angle"))
        // A pseudo-negation does not negate; a contrast word ends the scope.
        #expect(evaluator.assess("我们不仅每年能为您节约 20 万元，还能提前交货。").used("price-angle"))
        #expect(evaluator.assess("我们不做附加服务，但是每年能为您节约 20 万元。").used("price-angle"))
        // A refusal after the offer negates it too, within its clause and up to a contrast word.
        // Reassurance is not refusal.
        #expect(evaluator.assess("不用担心安装，我们派工程师上门调试。").used("service-guidance"))
        #expect(!evaluator.assess("我们不派工程师上门调试。").used("service-guidance"))
        #expect(evaluator.assess("Don't worry about the installation, our engineers will install it and train your operators on site.")
            .used("service-guidance"))
        // A concrete cut is credited (a bare "我们能降价" with no figure is a borderline promise the corpus
        // authors do not credit, and the shipped model withdraws its lone cue); refused, it earns nothing.
        #expect(evaluator.assess("我们单价能降 5%").used("price-angle"))
        let refused = evaluator.assess("降价我们做不到")
        #expect(!refused.used("price-angle"))
        #expect(refused.tactics.first { $0.id == "price-angle" }?.negated.first == Assessment.Negated(quote: "降价我们做不到", trigger: "做不到"))
        #expect(!evaluator.assess("A lower price is off the table.").used("price-angle"))
        // A refusal after a contrast word leaves the offer before it standing (a concrete one: a bare "降价可以" is
        // the borderline promise above).
        #expect(evaluator.assess("单价可以降 5%，但最低价给不了").used("price-angle"))
        #expect(evaluator.assess("最低价给不了，不过每年能为您节约 20 万元。").used("price-angle"))
    }

    @Test("orientation and type mismatch")
    func mismatch() throws {
        let team = evaluator.assess("我们的销售团队是一个专业的团队，有资深的销售人员，还从国外请来了一些技术方面的专家。", buyer: .intrinsic)
        #expect(team.orientation == .extrinsic)
        #expect(team.alignment == .mismatch)
        #expect(team.explanation.contains { if case .mismatch(.extrinsic, .intrinsic) = $0 { return true } else { return false } })
        let price = evaluator.assess("如果我们的服务可以为贵公司每年节约 20 万元开支，我相信您一定会感兴趣，是吗？", buyer: .intrinsic)
        #expect(price.alignment == .match)
        #expect(try #require(price.score) > (team.score ?? 100) + 40)
    }

    @Test("cue stuffing is not a reply")
    func stuffing() {
        let list = evaluator.assess("节约20万元 批量采购 行业壁垒 降低销售成本 减少中间环节 推荐新产品", buyer: .intrinsic)
        #expect(list.cueStuffing)
        #expect((list.score ?? 100) <= 25)
        // English keyword lists too, with or without a full stop; a real sentence is not one.
        #expect(evaluator.assess("economies of scale volume rebate bundled savings direct shipment lowest unit price.",
                                 buyer: .intrinsic).explanation.contains(.cueStuffing))
        // A concise answer made mostly of cue phrases is still an answer.
        let concise = evaluator.assess("报价今天发您邮箱，不用见面；五万支走批量价，每年为贵公司节约二十多万。", buyer: .intrinsic)
        #expect(!concise.cueStuffing)
        #expect((concise.score ?? 0) >= 70)
        let sentence = evaluator.assess("Both companies' top management should coordinate on this.", buyer: .strategic)
        #expect(!sentence.cueStuffing)
        // The session-16 model withdraws executive-alignment from that bare "should coordinate" (a known issue,
        // docs/evaluator.md); a sentence that has the two sides' executives meet still earns it.
        let meeting = evaluator.assess("Our top management and yours should meet to coordinate on this.", buyer: .strategic)
        #expect(!meeting.cueStuffing)
        #expect(meeting.used("executive-alignment"))
    }

    @Test("every playbook example: match examples earn their tactic, no_match examples do not")
    func playbookExamples() {
        var checked = 0
        for tactic in Shipped.library.catalog.allTactics {
            for example in tactic.matchExamples {
                #expect(evaluator.assess(example).used(tactic.id), "\(tactic.id) should match: \(example)")
                checked += 1
            }
            for example in tactic.noMatchExamples {
                #expect(!evaluator.assess(example).used(tactic.id), "\(tactic.id) should not match: \(example)")
                checked += 1
            }
        }
        #expect(checked > 150)
    }

    @Test("a tactic's match examples do not credit other tactics' ids as their main tactic")
    func examplesAreSpecific() {
        for tactic in Shipped.library.catalog.allTactics where !tactic.isAntiPattern {
            for example in tactic.matchExamples {
                let assessment = evaluator.assess(example)
                #expect(assessment.orientation == tactic.valueType, "\(tactic.id): \(example) → \(String(describing: assessment.orientation))")
            }
        }
    }

    @Test("model answers earn their own tactic")
    func modelAnswers() {
        for tactic in Shipped.library.catalog.allTactics where !tactic.isAntiPattern {
            for answer in tactic.modelAnswers.all {
                #expect(evaluator.assess(answer).used(tactic.id), "\(tactic.id): \(answer)")
            }
        }
    }

    @Test("similarity alone never gives full credit")
    func similarityIsSecondary() {
        let units: [Analysis.EvidenceUnit] = []
        #expect(Evaluator.confidence(units: units, of: nil, similarity: 1.0) < Evaluator.usedThreshold)
    }

    @Test("turn expectations: expected tactics raise the score, avoided ones lower it")
    func turnExpectations() throws {
        let reply = "五万件的量，我们可以走批量价，每年能为贵公司节约 20 万元。"
        let good = try #require(evaluator.assess(reply, buyer: .intrinsic,
                                                 expectation: TurnExpectation(expect: ["price-angle", "volume-offer"])).score)
        let partial = try #require(evaluator.assess(reply, buyer: .intrinsic,
                                                    expectation: TurnExpectation(expect: ["price-angle", "walk-away"])).score)
        let avoided = try #require(evaluator.assess(reply, buyer: .intrinsic,
                                                    expectation: TurnExpectation(expect: ["price-angle"], avoid: ["volume-offer"])).score)
        #expect(good > partial)
        #expect(avoided < good)
    }
}
