import Testing
@testable import DojoKit

/// Reactions answer what the rep said: placeholders take the rep's own figures, `on:` reactions
/// follow the tactics used, and the loader flags reactions that assert figures nobody established.
@Suite("Reactions that quote the reply")
struct ReactionTests {
    /// The fixture scenario with `opening`'s first branch given `reaction` and the turn given `on`.
    static func scenario(reaction: String, on: String = "") -> String {
        Fixtures.scenario
            .replacingOccurrences(of: "    avoid: [hard-sell]\n", with: "    avoid: [hard-sell]\n" + on)
            .replacingOccurrences(of: "        effects: {patience: 1}\n", with: "        effects: {patience: 1}\n" + reaction)
    }

    static func play(_ text: String, reply: String) throws -> (Exchange, [Diagnostic]) {
        let (library, folder) = try Fixtures.load(text)
        defer { folder.remove() }
        let scenario = try #require(library.scenario("quote-a"), "\(library.diagnostics)")
        var session = Session(scenario: scenario, evaluator: Evaluator(catalog: library.catalog))
        return (try session.respond(reply), library.diagnostics)
    }

    static let quoting = """
            reaction:
              - "{money}？明细发过来。"
              - "明细发过来。"

    """

    @Test("{money} takes the rep's own amount, as written")
    func money() throws {
        let (exchange, diagnostics) = try Self.play(Self.scenario(reaction: Self.quoting), reply: "按五万件算，每年为您节约 37 万元，报价今天发您。")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(exchange.reaction == "37 万元？明细发过来。")
    }

    @Test("without a figure in the reply, the fallback line")
    func fallback() throws {
        let scenario = Self.scenario(reaction: Self.quoting).replacingOccurrences(of: "score >= 70 and used(price-angle)", with: "true")
        let (exchange, _) = try Self.play(scenario, reply: "报价今天发您。")
        #expect(exchange.reaction == "明细发过来。")
    }

    @Test("an `on:` reaction to a used tactic comes before the branch's; an anti-pattern is answered as such")
    func onTactic() throws {
        let on = """
            on:
              hard-sell: "别催我。"
              price-angle: ["省{money}？写进报价单。", "写进报价单。"]

        """
        let scenario = Self.scenario(reaction: "        reaction: 嗯。\n", on: on)
        let (good, diagnostics) = try Self.play(scenario, reply: "每年为您节约 20 万元，报价今天发您。")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(good.reaction == "省20 万元？写进报价单。")
        let (pushed, _) = try Self.play(scenario, reply: "今天必须签，每年为您节约 20 万元。")
        #expect(pushed.reaction == "别催我。")
    }

    @Test("{evidence} echoes the rep's own clause around the words that earned the tactic")
    func evidenceClause() {
        let reply = "No visit needed. We ship factory-direct, so the dealer's 8% markup disappears, and 1.20 a piece is saved."
        #expect(Turn.clause(around: "factory-direct", in: reply) == "We ship factory-direct")
        #expect(Turn.clause(around: "1.20 a piece", in: reply) == "1.20 a piece is saved")
        #expect(Turn.clause(around: "操作培训", in: "安装完成后，我们给叉车司机做一次操作培训，头一年每季度巡检。") == "我们给叉车司机做一次操作培训")
        let long = "We will " + String(repeating: "really ", count: 12) + "train your drivers"
        #expect(Turn.clause(around: "train your drivers", in: long) == "train your drivers", "a long clause falls back to the quote")
    }

    @Test("DJ0106: a literal figure the turn and persona never established is flagged where it is written")
    func unestablishedFigure() throws {
        let scenario = Self.scenario(reaction: "        reaction: 三十八块六？明细发过来。\n")
        let (library, folder) = try Fixtures.load(scenario)
        defer { folder.remove() }
        let warning = try #require(library.diagnostics.first { $0.code == .unestablishedFigure }, "\(library.diagnostics)")
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("三十八块六"))
        let line = scenario.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("三十八块六") }.map { $0 + 1 }
        #expect(warning.location?.line == line)
        // A figure the buyer's own line states is fine to repeat.
        let established = Self.scenario(reaction: "        reaction: 三十八块六？明细发过来。\n")
            .replacingOccurrences(of: "buyer: 把报价送过来就行了。", with: "buyer: 别家报三十八块六，把报价送过来就行了。")
        let (ok, okFolder) = try Fixtures.load(established)
        defer { okFolder.remove() }
        #expect(!ok.diagnostics.contains { $0.code == .unestablishedFigure }, "\(ok.diagnostics)")
    }

    @Test("an unknown placeholder is an error; a list without a fallback line warns (DJ0107)")
    func placeholders() throws {
        let (bad, folder) = try Fixtures.load(Self.scenario(reaction: "        reaction: \"{price}？\"\n"))
        defer { folder.remove() }
        #expect(bad.diagnostics.contains { $0.code == .invalidValue && $0.message.contains("{price}") }, "\(bad.diagnostics)")
        #expect(bad.scenario("quote-a") == nil)
        let (noFallback, folder2) = try Fixtures.load(Self.scenario(reaction: "        reaction: \"{money}？\"\n"))
        defer { folder2.remove() }
        #expect(noFallback.diagnostics.contains { $0.code == .reactionWithoutFallback }, "\(noFallback.diagnostics)")
    }
}
