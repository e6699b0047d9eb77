import DojoKit
import Foundation
import Testing

@Suite("dojo grade, end to end")
struct GradeCommandTests {
    @Test("text: a readable explanation with score, credited tactic and quote")
    func text() throws {
        let result = try DojoBinary.run(["grade", "--type", "intrinsic", "如果我们的服务可以为贵公司每年节约 20 万元开支，我相信您一定会感兴趣，是吗？"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("得分"))
        #expect(result.stdout.contains("price-angle"))
        #expect(result.stdout.contains("“每年节约 20 万元开支”"))
        let mismatch = try DojoBinary.run(["grade", "--type", "intrinsic", "--lang", "en",
                                           "Our project team will guide your installation and train your operators."])
        #expect(mismatch.stdout.contains("Type mismatch"))
        #expect(mismatch.stdout.contains("but this is an intrinsic value buyer: lead with cost and price"))
    }

    @Test("jsonl: one object per line in order, bad lines reported with their number, exit 1")
    func jsonLines() throws {
        let input = """
        {"id": "a", "reply": "每年为您节约 20 万元", "buyer_type": "intrinsic"}
        not json
        {"id": "c", "reply": "We won't cut the price.", "buyer_type": "intrinsic"}

        {"id": "d"}
        {"reply": "Let's have both our CEOs meet to plan a joint roadmap.", "buyer_type": "strategic"}
        {"id": 5, "reply": "不用安排见面，报价直接发您"}
        """
        let result = try DojoBinary.run(["grade", "--format", "jsonl"], input: Data(input.utf8))
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects[0]["id"] as? String == "a")
        #expect(objects[0]["orientation"] as? String == "intrinsic")
        #expect(objects[0]["alignment"] as? String == "match")
        #expect((objects[0]["score"] as? Int ?? 0) > 50)
        let tactics = try #require(objects[0]["tactics"] as? [[String: Any]])
        #expect(tactics.first?["id"] as? String == "price-angle")
        #expect((tactics.first?["evidence"] as? [String])?.first == "每年为您节约 20 万元")
        #expect(objects[1]["line"] as? Int == 2)
        #expect((objects[1]["error"] as? String)?.contains("invalid JSON") == true)
        #expect(objects[2]["orientation"] as? String == "none")
        #expect(objects[3]["line"] as? Int == 5)
        #expect(objects[3]["id"] as? String == "d")
        #expect(objects[3]["error"] as? String == "missing \"reply\"")
        #expect(objects[4]["orientation"] as? String == "strategic")
        #expect(objects[5]["id"] as? Int == 5)
        #expect(objects[5]["score"] is NSNull)
        #expect(objects[5]["alignment"] as? String == "none")
    }

    @Test("jsonl output bytes are identical across runs")
    func deterministic() throws {
        let url = URL(fileURLWithPath: DojoBinary.repositoryRoot + "/Tests/DojoKitTests/Fixtures/replies.jsonl")
        let input = try Data(contentsOf: url)
        let a = try DojoBinary.run(["grade", "--format", "jsonl", "--type", "extrinsic"], input: input)
        let b = try DojoBinary.run(["grade", "--format", "jsonl", "--type", "extrinsic"], input: input)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(!a.stdout.isEmpty)
        #expect(a.stdout == b.stdout)
    }

    @Test("jsonl: invalid UTF-8 and an over-long line are reported, the rest still graded")
    func hostileLines() throws {
        var input = Data("{\"reply\": \"".utf8) + Data([0xFF, 0xFE]) + Data("\"}\n".utf8)
        input += Data("{\"reply\": \"".utf8) + Data(repeating: UInt8(ascii: "a"), count: 1_100_000) + Data("\"}\n".utf8)
        input += Data("{\"reply\": \"降低成本\"}\n".utf8)
        let result = try DojoBinary.run(["grade", "--format", "jsonl"], input: input)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].contains("\"line\":1") && lines[0].contains("UTF-8"))
        #expect(lines[1].contains("\"line\":2") && lines[1].contains("limit"))
        #expect(lines[2].hasPrefix("{\"id\":null,\"score\":null,\"orientation\""))
    }

    @Test("jsonl lines hold the assessment exactly as a transcript records it (one encoder): the same keys in the same order")
    func sameLayoutAsTranscript() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let reply = "每年为您节约20万元，报价直接发您邮箱。"
        let play = try DojoBinary.run(["play", "customer-a-lowest-quote", "--seed", "1", "--transcript", scratch.path + "/t.jsonl",
                                       "--db", scratch.path + "/p.sqlite"], input: Data((reply + "\n").utf8))
        #expect(play.status == 0, "\(play.stderr)")
        let records = try String(contentsOfFile: scratch.path + "/t.jsonl", encoding: .utf8).split(separator: "\n")
            .map { try JSONValue.parse(Array($0.utf8)) }
        let recorded = try #require(records.first { $0["event"]?.stringValue == "reply" }?["assessment"])
        let grade = try DojoBinary.run(["grade", "--format", "jsonl"],
                                       input: Data((#"{"id": "r1", "buyer_type": "intrinsic", "reply": "\#(reply)"}"# + "\n").utf8))
        #expect(grade.status == 0, "\(grade.stderr)")
        let graded = try JSONValue.parse(Array(grade.stdout.utf8.dropLast()))
        func keys(_ value: JSONValue?) -> [String] { if case let .object(members)? = value { members.map(\.0) } else { [] } }
        func firstFinding(_ value: JSONValue?) -> JSONValue? { if case let .array(items)? = value?["tactics"] { items.first } else { nil } }
        #expect(keys(graded) == ["id"] + keys(recorded), "\(keys(graded)) vs \(keys(recorded))")
        #expect(keys(graded["signals"]) == keys(recorded["signals"]))
        #expect(!keys(firstFinding(graded)).isEmpty && keys(firstFinding(graded)) == keys(firstFinding(recorded)))
        #expect(graded["id"]?.stringValue == "r1")
        #expect(graded["tactics"].map { "\($0)" }?.contains("price-angle") == true)
    }

    @Test("a missing input file is a clear error")
    func missingFile() throws {
        let result = try DojoBinary.run(["grade", "--format", "jsonl", "/nonexistent/replies.jsonl"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Cannot open '/nonexistent/replies.jsonl'"))
    }
}
