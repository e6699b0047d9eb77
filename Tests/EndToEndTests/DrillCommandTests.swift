import DojoKit
import Foundation
import Testing

@Suite("dojo drill, end to end")
struct DrillCommandTests {
    @Test("piped with a fixed seed: feedback per item, accuracy and confusion table, transcript; deterministic")
    func piped() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let input = Data("1 只看价格\nhello\n2\n3 双方高层合作\n".utf8)
        let a = try DojoBinary.run(["drill", "--seed", "7", "--count", "3", "--transcript", scratch.path + "/a.jsonl"], input: input)
        let b = try DojoBinary.run(["drill", "--seed", "7", "--count", "3", "--transcript", scratch.path + "/b.jsonl"], input: input)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.replacingOccurrences(of: "/a.jsonl", with: "") == b.stdout.replacingOccurrences(of: "/b.jsonl", with: ""))
        #expect(a.stdout.contains("[1/3]") && a.stdout.contains("[3/3]"))
        #expect(a.stdout.contains("请先写类型"), "an answer without a type is asked again")
        #expect(a.stdout.contains("正确率："))
        #expect(a.stdout.contains("实际 \\ 判为"))
        let transcript = try Transcript.parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/a.jsonl"))))
        #expect(transcript.records.first?.kind == "drill_start")
        #expect(transcript.records.filter { $0.kind == "drill_answer" }.count == 3)
        #expect(transcript.records.last?.kind == "drill_end")
        let english = try DojoBinary.run(["drill", "--lang", "en", "--seed", "7", "--count", "1", "--transcript", scratch.path + "/c.jsonl"],
                                         input: Data("strategic\n".utf8))
        #expect(english.stdout.contains("The buyer says"))
        #expect(english.stdout.contains("Accuracy: "))
    }
}
