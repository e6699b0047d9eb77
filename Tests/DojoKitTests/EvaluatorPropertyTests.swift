import Foundation
import PropertyBased
import Testing
@testable import DojoKit

/// Building blocks for generated replies: cue-bearing phrases, filler, punctuation, numbers.
enum ReplyParts {
    static let phrases: [String] = {
        var all: [String] = []
        for tactic in Shipped.library.catalog.allTactics { all += tactic.matchExamples.prefix(2) + tactic.modelAnswers.zh.prefix(1) }
        return all + ["好的", "明白了", "您看呢？", "We can talk.", "今天天气不错", "但是", "不过", "，", "。", "!", " ", "20万元", "8%",
                      "三个月内", "$30k", "需要吗？", "not only", "不仅"]
    }()
    static let negators = ["不", "没有", "不会", "不用", "别", "not ", "never ", "won't ", "不是"]
}

@Suite("Evaluator properties")
struct EvaluatorPropertyTests {
    let evaluator = Shipped.evaluator
    /// A second, independently built evaluator: determinism must not depend on one instance's hash seeds or order.
    static let second = Evaluator(catalog: ScenarioLibrary.load(directory: Shipped.root + "/Scenarios").catalog,
                                  model: try? TacticModel.load(path: Shipped.modelPath))

    static let replies = Gen<String?>.element(of: ReplyParts.phrases).map { $0 ?? "" }.array(of: 1...5).map { $0.joined() }

    @Test("deterministic: the same reply gives the same assessment and the same JSON bytes")
    func deterministic() async {
        await propertyCheck(count: 200, input: Self.replies, Gen<ValueType>.case) { reply, type in
            let a = evaluator.assess(reply, buyer: type), b = Self.second.assess(reply, buyer: type)
            #expect(a == b)
            var wa = JSONWriter(), wb = JSONWriter()
            let renderer = ExplanationRenderer(catalog: evaluator.catalog, chinese: true)
            AssessmentRecord(a, explain: renderer.render).writeGradeLine(to: &wa, id: nil)
            AssessmentRecord(b, explain: renderer.render).writeGradeLine(to: &wb, id: nil)
            #expect(wa.bytes == wb.bytes)
        }
    }

    @Test("Traditional and Simplified spellings score the same")
    func traditionalEqualsSimplified() async {
        // Simplified → Traditional by inverting the generated table (first traditional form of each simplified char).
        var inverse: [Unicode.Scalar: Unicode.Scalar] = [:]
        var iterator = TraditionalToSimplifiedTable.pairs.unicodeScalars.makeIterator()
        while let t = iterator.next(), let s = iterator.next() { if inverse[s] == nil { inverse[s] = t } }
        let table = inverse
        await propertyCheck(count: 200, input: Self.replies, Gen<ValueType>.case) { reply, type in
            var traditional = String.UnicodeScalarView()
            for scalar in reply.unicodeScalars { traditional.append(table[scalar] ?? scalar) }
            let a = evaluator.assess(reply, buyer: type), b = evaluator.assess(String(traditional), buyer: type)
            #expect(a.score == b.score, "\(reply) / \(String(traditional))")
            #expect(a.orientation == b.orientation)
            #expect(a.usedTactics.map(\.id) == b.usedTactics.map(\.id))
        }
    }

    @Test("inserting a negator before a cue never adds credit")
    func negationNeverAddsCredit() async {
        let examples = Shipped.library.catalog.allTactics.filter { !$0.isAntiPattern }.flatMap { t in t.matchExamples.map { (t.id, $0) } }
        await propertyCheck(count: 200, input: Gen<(String, String)?>.element(of: examples).map { $0 ?? ("", "") },
                            Gen<String?>.element(of: ReplyParts.negators).map { $0 ?? "" }) { pair, negator in
            let (tactic, example) = pair
            // A word negator the example already starts with is reduplicated, not added ("不用不用安排见面" is the same
            // offer said twice), as in `NegationExhaustiveTests`.
            guard negator.count == 1 || !example.hasPrefix(negator) else { return }
            let before = evaluator.assess(example).tactics.first { $0.id == tactic }?.confidence ?? 0
            let after = evaluator.assess(negator + example).tactics.first { $0.id == tactic }?.confidence ?? 0
            #expect(after <= before + NegationExhaustiveTests.slack(tactic, before: before), "\(negator)\(example): \(before) → \(after)")
            #expect(before >= Evaluator.usedThreshold || after < Evaluator.usedThreshold, "\(negator)\(example): \(before) → \(after)")
        }
    }

    @Test("every evidence span is a substring of the reply; scores stay within 0–100")
    func evidenceAndRange() async {
        await propertyCheck(count: 300, input: Self.replies, Gen<ValueType>.case) { reply, type in
            let a = evaluator.assess(reply, buyer: type)
            for finding in a.tactics + a.antiPatterns {
                for quote in finding.evidence { #expect(reply.contains(quote), "\(quote) not in \(reply)") }
            }
            let score = a.score ?? -1
            #expect((0...100).contains(score))
        }
    }

    @Test("arbitrary Unicode, control characters and huge input: no crash, score in range")
    func arbitraryInput() async {
        // Skip the surrogate range, which holds no scalars.
        let scalar = Gen<UInt32>.value(in: 0...0x2_FFFF).map { Unicode.Scalar($0 < 0xD800 || $0 > 0xDFFF ? $0 : $0 + 0x800) ?? " " }
        let strings = scalar.array(of: 0...200).map { String(String.UnicodeScalarView($0)) }
        await propertyCheck(count: 300, input: strings) { text in
            let a = evaluator.assess(text, buyer: .strategic)
            #expect((0...100).contains(a.score ?? -1))
        }
        let huge = String(repeating: "每年为您节约20万元，", count: 50_000)
        let a = evaluator.assess(huge, buyer: .intrinsic)
        #expect((0...100).contains(a.score ?? -1))
        // Invalid UTF-8 arrives repaired (U+FFFD) from any decoder; it must not crash either.
        let repaired = String(decoding: [0xFF, 0xFE, 0xE4, 0xBD] + Array("降价".utf8), as: UTF8.self)
        _ = evaluator.assess(repaired, buyer: .intrinsic)
    }

    @Test("the automaton takes more distinct scalars than 16 bits count (a hostile playbook must not crash it)")
    func automatonWideAlphabet() {
        // 70,000 one-scalar patterns from U+4E00 upwards (beyond the BMP), plus one two-scalar pattern.
        let scalars = (UInt32(0x4E00)..<UInt32(0x4E00 + 70_000)).filter { $0 < 0xD800 || $0 > 0xDFFF }
        let last = scalars.count - 1
        #expect(last > 65_536)
        let patterns = scalars.map { [$0] } + [[scalars[last], scalars[3]]]
        let automaton = AhoCorasick(patterns: patterns)
        var found: [AhoCorasick.Match] = []
        automaton.appendMatches(in: [0x41, scalars[last], scalars[3], 0x42], to: &found)
        #expect(found.map(\.pattern).sorted() == [3, last, patterns.count - 1])
    }

    @Test("the automaton finds exactly the occurrences a naive search finds")
    func automatonMatchesNaiveSearch() async {
        // A small alphabet (ASCII, CJK, one scalar beyond the BMP) so patterns overlap and share prefixes.
        let alphabet: [UInt32] = [0x61, 0x62, 0x63, 0x20, 0x4E0D, 0x964D, 0x4EF7, 0x1F600]
        let word = Gen<UInt32?>.element(of: alphabet).map { $0 ?? 0x61 }.array(of: 1...4)
        await propertyCheck(count: 200, input: word.array(of: 1...12), Gen<UInt32?>.element(of: alphabet).map { $0 ?? 0x61 }.array(of: 0...40)) { patterns, text in
            let automaton = AhoCorasick(patterns: patterns)
            var found: [AhoCorasick.Match] = []
            automaton.appendMatches(in: text, to: &found)
            var expected: [AhoCorasick.Match] = []
            for (index, pattern) in patterns.enumerated() where pattern.count <= text.count {
                for start in 0...(text.count - pattern.count) where Array(text[start..<start + pattern.count]) == pattern {
                    expected.append(AhoCorasick.Match(pattern: index, start: start, end: start + pattern.count))
                }
            }
            let order: (AhoCorasick.Match, AhoCorasick.Match) -> Bool = { ($0.end, $0.pattern, $0.start) < ($1.end, $1.pattern, $1.start) }
            #expect(found.sorted(by: order) == expected.sorted(by: order), "patterns \(patterns) text \(text)")
            // Reported in order of end position.
            #expect(zip(found, found.dropFirst()).allSatisfy { $0.end <= $1.end })
        }
    }
}
