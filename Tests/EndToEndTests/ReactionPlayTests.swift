import Foundation
import Testing

/// The buyer answers what the rep said: the reactions quote the rep's own figures, follow the
/// tactic used, and never assert a figure the rep did not say.
@Suite("dojo play: the buyer reacts to the reply")
struct ReactionPlayTests {
    static func model(_ id: String, _ turn: String) -> String {
        PlayPipedTests.library.scenario(id)?.turn(turn)?.modelAnswer ?? ""
    }

    @Test("the buyer repeats the rep's own price, not the model answer's")
    func quotesTheRepsPrice() throws {
        let id = "customer-a-lowest-quote"
        let volume = "五万支按单一规格、分两批集中交货，我们整炉整批排产，单价做到每支三十七元二角，比常规批量低百分之四。签八万支的年度框架，单价还能再低六毛。"
        let (output, _) = try PlayPipedTests.play(id, replies: [Self.model(id, "opening"), Self.model(id, "accessory"), volume])
        #expect(output.stdout.contains("王建国: 三十七元二角……年度框架的事可以再谈。"), "\(output.stdout)")
        #expect(!output.stdout.contains("三十八块六"))
        #expect(!output.stdout.contains("王建国: 三十八元六角"))
    }

    @Test("English: the rep's own saving is quoted; a reply without an amount gets the fallback line")
    func english() throws {
        let id = "customer-a-lowest-quote-en"
        let (quoted, _) = try PlayPipedTests.play(id, replies: ["No visit needed: I will email our quote today, and it will save you $200,000 a year on 50,000 tubes."])
        #expect(quoted.stdout.contains("Wang Jianguo: $200,000? Put that figure in the quote"), "\(quoted.stdout)")
        let (plain, _) = try PlayPipedTests.play(id, replies: ["No visit needed: I will email our quote today, and it will cut your purchasing cost."])
        #expect(plain.stdout.contains("Wang Jianguo: You say you can save me money. Put it in the quote"), "\(plain.stdout)")
    }

    @Test("which turn comes next depends on the tactic: walk away, new product and a discount lead to different turns")
    func tacticRoutes() throws {
        let id = "customer-a-lowest-quote-en"
        let before = ["opening", "accessory", "volume", "benchmark", "channel"].map { Self.model(id, $0) }
        let walk = "Mr. Wang, we can't match eight points lower without cutting corners on material and inspection, so we'd rather not take this order than damage our positioning."
        let discount = "All right, we'll give you 8% off and match them; I'll revise the quote right away."
        let (firm, _) = try PlayPipedTests.play(id, replies: before + [walk])
        #expect(firm.stdout.contains("Wang Jianguo: You won't match? Aren't you afraid of losing the order?"), "\(firm.stdout)")
        let (newSpec, _) = try PlayPipedTests.play(id, replies: before + [Self.model(id, "undercut")])
        #expect(newSpec.stdout.contains("Wang Jianguo: Welded tube? Our engineers have never trusted a weld seam."), "\(newSpec.stdout)")
        let (haggle, _) = try PlayPipedTests.play(id, replies: before + [discount])
        #expect(haggle.stdout.contains("Wang Jianguo: So there was room in the price after all."), "\(haggle.stdout)")
    }

    @Test("dojo show draws the routes: the tactic-dependent turns and the endings each route can reach")
    func showRoutes() throws {
        let show = try DojoBinary.run(["show", "customer-a-lowest-quote-en"], environment: ["COLUMNS": "200"])
        #expect(show.status == 0)
        let lines = show.stdout.components(separatedBy: "\n")
        let heading = try #require(lines.firstIndex { $0.hasPrefix("Routes (turns from the start") }, "\(show.stdout)")
        // One entry per route: wrapped continuation lines joined back on.
        var routes: [String] = []
        for line in lines[heading...].prefix(while: { !$0.isEmpty }).dropFirst() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.first?.isNumber == true || routes.isEmpty { routes.append(trimmed) } else { routes[routes.count - 1] += " " + trimmed }
        }
        let main = "opening → accessory → volume → benchmark → channel → undercut"
        #expect(routes.contains { $0.contains(main + " → new-spec → closing ⇒ ") }, "\(routes)")
        #expect(routes.contains { $0.contains(main + " → hold-firm → closing ⇒ ") })
        #expect(routes.contains { $0.contains(main + " → squeeze ⇒ deal-lost") })
        #expect(routes.contains { $0.hasSuffix("→ last-warning ⇒ buyer-left") })
        let zh = try DojoBinary.run(["show", "customer-a-lowest-quote"], environment: ["COLUMNS": "200"])
        #expect(zh.stdout.contains("路线（从起点经过的回合 ⇒ 可能的结局）："), "\(zh.stdout)")
    }

    @Test("dojo test lists each play's route and notes the routes no play takes")
    func testNotesUncoveredRoutes() throws {
        let all = try DojoBinary.run(["test", "customer-a-lowest-quote-en"])
        #expect(all.status == 0, "\(all.stdout)")
        #expect(all.stdout.contains("PASS customer-a-lowest-quote-en/hold-firm: won (deal-won)"), "\(all.stdout)")
        #expect(all.stdout.contains("via opening → accessory → volume → benchmark → channel → undercut → hold-firm → closing"))
        #expect(!all.stdout.contains("note:"), "the shipped tests cover every route")
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let root = DojoBinary.repositoryRoot + "/Scenarios"
        for folder in ["playbooks", "en", "models", "corpus"] where FileManager.default.fileExists(atPath: root + "/" + folder) {
            try FileManager.default.copyItem(atPath: root + "/" + folder, toPath: scratch.path + "/" + folder)
        }
        let plan = try String(contentsOfFile: root + "/tests/customer-a-lowest-quote-en.yaml", encoding: .utf8)
        let start = try #require(plan.range(of: "- name: hold-firm\n"))
        let end = try #require(plan.range(of: "- name: ", range: start.upperBound..<plan.endIndex))
        try scratch.write("tests/customer-a-lowest-quote-en.yaml", plan.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: ""))
        let gap = try DojoBinary.run(["test", "customer-a-lowest-quote-en", "--scenarios", scratch.path])
        #expect(gap.stdout.contains("note: customer-a-lowest-quote-en: no play's route passes hold-firm"), "\(gap.stdout)")
        #expect(gap.stdout.contains("no play's route takes undercut → hold-firm, hold-firm → closing"), "\(gap.stdout)")
    }

    @Test("dojo validate warns (DJ0106) about a reaction with a figure nobody established; --strict fails")
    func validateWarns() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let root = DojoBinary.repositoryRoot + "/Scenarios"
        try FileManager.default.copyItem(atPath: root + "/playbooks", toPath: scratch.path + "/playbooks")
        let original = try String(contentsOfFile: root + "/zh-Hans/customer-a-lowest-quote.yaml", encoding: .utf8)
        let literal = original.replacingOccurrences(of: "          - \"{money}……年度框架的事可以再谈。\"\n", with: "          - \"三十八块六……年度框架的事可以再谈。\"\n")
        try #require(literal != original)
        let file = try scratch.write("zh-Hans/customer-a-lowest-quote.yaml", literal)
        let line = literal.components(separatedBy: "\n").firstIndex { $0.contains("三十八块六") }.map { $0 + 1 } ?? 0
        let result = try DojoBinary.run(["validate", "--scenarios", scratch.path, "--strict", file])
        #expect(result.status == 1)
        #expect(result.stdout.contains(":\(line):13: warning[DJ0106]"), "\(result.stdout)")
        #expect(result.stdout.contains("三十八块六"))
    }
}
