import Testing
@testable import DojoKit

struct StubContext: ConditionContext {
    var score: Double = 0
    var turn: Int = 1
    var mismatch = false
    var meters: [String: Int] = [:]
    var usedTactics: Set<String> = []
    func meter(_ name: String) -> Int { meters[name] ?? 0 }
    func used(_ tacticID: String) -> Bool { usedTactics.contains(tacticID) }
}

@Suite("Condition language")
struct ConditionParserTests {
    let parser = ConditionParser(meters: ["trust", "patience"], tactics: ["price-angle", "team-value"])

    @Test("precedence: not > and > or, parentheses override", arguments: [
        ("a_or_b_and_c", "score >= 70 or trust > 1 and patience > 1", "score >= 70 or trust > 1 and patience > 1"),
        ("parens", "(score >= 70 or trust > 1) and patience > 1", "(score >= 70 or trust > 1) and patience > 1"),
        ("not binds tight", "not mismatch and used(price-angle)", "not mismatch and used(price-angle)"),
        ("not over parens", "not (mismatch or turn >= 5)", "not (mismatch or turn >= 5)"),
        ("redundant parens vanish", "((score < 50))", "score < 50"),
    ])
    func roundTrip(_ name: String, _ text: String, _ expected: String) throws {
        #expect(try parser.parse(text).description == expected)
    }

    @Test("evaluation follows precedence")
    func evaluation() throws {
        let c = try parser.parse("score >= 70 or trust > 1 and patience > 1")
        #expect(c.evaluate(in: StubContext(score: 80)) == true)
        #expect(c.evaluate(in: StubContext(score: 10, meters: ["trust": 2, "patience": 0])) == false)
        #expect(c.evaluate(in: StubContext(score: 10, meters: ["trust": 2, "patience": 2])) == true)
        let d = try parser.parse("(score >= 70 or trust > 1) and patience > 1")
        #expect(d.evaluate(in: StubContext(score: 80, meters: ["patience": 0])) == false)
        let e = try parser.parse("not mismatch and used(price-angle) and turn != 3")
        #expect(e.evaluate(in: StubContext(turn: 2, usedTactics: ["price-angle"])) == true)
        #expect(e.evaluate(in: StubContext(turn: 3, usedTactics: ["price-angle"])) == false)
        #expect(e.evaluate(in: StubContext(turn: 2, mismatch: true, usedTactics: ["price-angle"])) == false)
        let f = try parser.parse("score == 70.5 or true")
        #expect(f.evaluate(in: StubContext()) == true)
        #expect(try parser.parse("trust <= -1").evaluate(in: StubContext(meters: ["trust": -1])) == true)
    }

    @Test("errors carry the column inside the expression", arguments: [
        ("score => 70", 6, DiagnosticCode.badExpression, "`=` is not an operator"),
        ("score >= ", 9, .badExpression, "ends where a value was expected"),
        ("score >= 70 and", 15, .badExpression, "ends where a value was expected"),
        ("(score >= 70", 0, .badExpression, "`(` is never closed"),
        ("score >= 70)", 11, .badExpression, "unexpected `)`"),
        ("trust", 0, .badExpression, "is a number, not a condition"),
        ("trust > 1 patience > 1", 10, .badExpression, "after a complete condition"),
        ("score >= 70 && trust > 1", 12, .badExpression, "`&` is not an operator"),
        ("trusst > 1", 0, .undefinedMeter, "`trusst` is not a meter"),
        ("used(price-angel)", 5, .unknownTactic, "unknown tactic `price-angel`"),
        ("used price-angle", 5, .badExpression, "needs a tactic id in parentheses"),
        ("score >= 价格", 9, .badExpression, "unexpected character `价`"),
        ("and score > 1", 0, .badExpression, "needs a condition before it"),
        ("score > mismatch", 8, .badExpression, "`mismatch` is not a number"),
        ("", 0, .badExpression, "ends where a value was expected"),
    ])
    func errors(_ text: String, _ offset: Int, _ code: DiagnosticCode, _ message: String) {
        do {
            let parsed = try parser.parse(text)
            Issue.record("parsed `\(text)` as \(parsed)")
        } catch {
            #expect(error.offset == offset, "\(error.message)")
            #expect(error.code == code)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test("unknown meters get a suggestion")
    func suggestion() {
        #expect(throws: ConditionParser.Failure.self) { try parser.parse("trsut > 1") }
        do { _ = try parser.parse("trsut > 1") } catch { #expect(error.help == "did you mean `trust`?") }
    }
}
