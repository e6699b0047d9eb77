import Foundation
import Testing
@testable import DojoKit

@Suite("Graph labels and coverage counts")
struct GraphAndCoverageTests {
    @Test("DOT quoting: backslash, quote and newline escaped; control and bidi characters dropped; CJK kept")
    func dotQuote() {
        #expect(DOTWriter.quote("a\\b \"c\"\nd\u{1B}[31m\u{202E}签约") == #""a\\b \"c\"\nd[31m签约""#)
    }

    @Test("Mermaid quoting: every character Mermaid reads as syntax becomes an entity code")
    func mermaidQuote() {
        #expect(MermaidWriter.quote(#"score >= 70 and used(x) | "q" #1 [a] {b} & <br>"#)
                == #""score #gt;= 70 and used#40;x#41; #124; #quot;q#quot; #35;1 #91;a#93; #123;b#125; #amp; #lt;br#gt;""#)
        #expect(MermaidWriter.quote("一\n二\u{7}") == "\"一<br/>二\"")
    }

    @Test("the graph marks what the exploration never reaches: the unused ending, and no turn of the hand-computed scenario")
    func graphMarks() throws {
        let scenario = try #require(AuthoringFixtures.handComputed)
        let graph = ScenarioGraph(scenario: scenario, exploration: Explorer(scenario: scenario).walk())
        #expect(graph.nodes.filter(\.unreachable).map(\.id) == ["unused-ending"])
        #expect(graph.nodes.first { $0.id == "a" }?.isStart == true)
        #expect(graph.edges.count == 7 + 1)  // seven branches and the patience bound
        #expect(graph.edges.allSatisfy { !$0.neverTaken })
        #expect(graph.edges.first?.label == "score >= 70 and used(price-angle) · trust +2")
        #expect(graph.edges.last?.label == "ends the dialogue")
    }

    @Test("coverage from transcript records: rewound replies left out, a transcript of another version counted and reported")
    func coverageFromRecords() throws {
        let scenario = try #require(AuthoringFixtures.handComputed)
        var report = CoverageReport(scenarios: [scenario])
        let start = #"{"event":"start","schema":1,"scenario":"hand-computed","scenario_hash":"fnv1a64:0","trainee":"","mode":"practice","seed":"1","pass_mark":70}"#
        func reply(_ n: Int, _ turn: String, _ branch: Int, next: String?, ending: String?) -> String {
            let assessment = #"{"score":50,"orientation":null,"alignment":"none","tactics":[],"anti_patterns":[],"signals":{"asks_question":false,"quantifies_value":false,"has_number":false,"length":2,"joint_framing":false,"executive_framing":false,"figures":[]},"cue_stuffing":false,"explanation":[]}"#
            let nextText = next.map { "\"\($0)\"" } ?? "null", endingText = ending.map { "\"\($0)\"" } ?? "null"
            return #"{"event":"reply","n":\#(n),"turn":"\#(turn)","text":"x","assessment":\#(assessment),"branch":\#(branch),"effects":[],"reaction":null,"next":\#(nextText),"ending":\#(endingText)}"#
        }
        let lines = [start,
                     reply(1, "a", 1, next: "b", ending: nil),
                     #"{"event":"rewind","n":1,"turn":"a"}"#,
                     reply(2, "a", 2, next: "c", ending: nil),
                     reply(3, "c", 0, next: "b", ending: nil),
                     reply(4, "b", 0, next: nil, ending: "deal")]
        let transcript = try Transcript.parse(Array((lines.joined(separator: "\n") + "\n").utf8))
        report.add(records: transcript.records)
        let result = try #require(report.results.first)
        #expect(result.turns.map(\.hits) == [1, 1, 1])
        #expect(result.branches.map(\.hits) == [0, 0, 1, 1, 0, 1, 0])
        #expect(result.endings.map(\.hits) == [1, 0, 0, 0])
        #expect(result.sessions == 1 && result.staleTranscripts == 1)
        #expect(result.unreached.map(\.label).first == "a → b (branch 1)")
    }
}
