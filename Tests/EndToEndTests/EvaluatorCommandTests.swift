import Foundation
import Testing

/// `dojo train`, `dojo eval`, `/flag` and `dojo flags` through the built binary.
@Suite("Evaluator commands, end to end: train, eval, flag, flags")
struct EvaluatorCommandTests {
    static let corpus = """
    # a tiny corpus for the test
    {"id":"a1","lang":"en","reply":"We'll cut the unit price by 8% on this order.","orientation":"intrinsic","tactics":["price-angle"],"anti_patterns":[]}
    {"id":"a2","lang":"en","reply":"Which step of your packing line eats the most overtime?","orientation":"extrinsic","tactics":["needs-diagnosis"],"anti_patterns":[]}
    {"id":"a3","lang":"en","reply":"Thanks, talk tomorrow.","orientation":"none","tactics":[],"anti_patterns":[]}
    {"id":"a4","lang":"zh-Hans","reply":"我们的单价可以再降 5%。","orientation":"intrinsic","tactics":["price-angle"],"anti_patterns":[]}
    {"id":"a5","lang":"zh-Hans","reply":"你们现在产线最头疼的是哪个环节？","orientation":"extrinsic","tactics":["needs-diagnosis"],"anti_patterns":[]}
    {"id":"a6","lang":"zh-Hans","reply":"好的，明天见。","orientation":"none","tactics":[],"anti_patterns":[]}
    """

    /// A scenario folder with the shipped playbooks and the tiny corpus.
    static func folder() throws -> (ScratchFolder, String) {
        let scratch = try ScratchFolder()
        let scenarios = scratch.path + "/Scenarios"
        try FileManager.default.createDirectory(atPath: scenarios, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: DojoBinary.repositoryRoot + "/Scenarios/playbooks", toPath: scenarios + "/playbooks")
        try scratch.write("Scenarios/corpus/tiny.jsonl", corpus)
        return (scratch, scenarios)
    }

    @Test("train writes the same model bytes twice; validate warns when the corpus changes; a damaged model is a clear error")
    func trainAndStaleness() throws {
        let (scratch, scenarios) = try Self.folder()
        defer { scratch.remove() }
        let first = try DojoBinary.run(["train", "--scenarios", scenarios])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Trained on 6 labelled replies"))
        let model = scenarios + "/models/tactics.dojomodel"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: model))
        #expect(try DojoBinary.run(["train", "--scenarios", scenarios]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: model)) == bytes)
        #expect(!(try DojoBinary.run(["validate", "--scenarios", scenarios]).stdout.contains("DJ0302")))

        try scratch.write("Scenarios/corpus/more.jsonl", #"{"id":"b1","reply":"Hello there.","orientation":"none","tactics":[]}"# + "\n")
        let stale = try DojoBinary.run(["validate", "--scenarios", scenarios])
        #expect(stale.stdout.contains("warning[DJ0302]"))
        #expect(try DojoBinary.run(["validate", "--strict", "--scenarios", scenarios]).status == 1)

        var damaged = bytes
        damaged[damaged.count / 2] ^= 0xFF
        try damaged.write(to: URL(fileURLWithPath: model))
        let grade = try DojoBinary.run(["grade", "--scenarios", scenarios, "We cut 8%."])
        #expect(grade.status == 1)
        #expect(grade.stderr.contains("tactics.dojomodel"))
        #expect(grade.stderr.contains("damaged"))
        #expect(grade.stderr.contains("dojo train"))
        #expect(try DojoBinary.run(["validate", "--scenarios", scenarios]).stdout.contains("error[DJ0303]"))
    }

    @Test("train --cv prints one row per fold and the mean, and writes no model")
    func crossValidation() throws {
        let (scratch, scenarios) = try Self.folder()
        defer { scratch.remove() }
        let result = try DojoBinary.run(["train", "--cv", "2", "--scenarios", scenarios])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").filter { $0.first == " " && ($0.trimmingCharacters(in: .whitespaces).first?.isNumber ?? false) }
        #expect(rows.count == 2)
        #expect(result.stdout.contains("mean"))
        #expect(!FileManager.default.fileExists(atPath: scenarios + "/models/tactics.dojomodel"))
        #expect(try DojoBinary.run(["train", "--cv", "1", "--scenarios", scenarios]).status == 2)
    }

    @Test("eval: figures, confusion matrix and misses in text; the same in JSON; a bad label is reported with file:line")
    func eval() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let labels = try scratch.write("labels.jsonl", """
        {"id":"x1","lang":"zh-Hans","reply":"每年为您节约 20 万元。","orientation":"intrinsic","tactics":["price-angle"]}
        {"id":"x2","lang":"en","reply":"Thanks for your time today.","orientation":"none","tactics":[]}
        {"id":"x3","lang":"en","reply":"Thanks again.","orientation":"strategic","tactics":["mutual-value"]}
        """)
        let text = try DojoBinary.run(["eval", labels, "--no-model"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("3 labelled replies"))
        #expect(text.stdout.contains("orientation accuracy 0.667"))
        #expect(text.stdout.contains("Misses (1)"))
        #expect(text.stdout.contains("x3"))
        let json = try DojoBinary.run(["eval", labels, "--no-model", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["replies"] as? Int == 3)
        #expect((object["misses"] as? [[String: Any]])?.first?["id"] as? String == "x3")
        let confusion = try #require(object["confusion"] as? [String: Any])
        #expect((confusion["rows_labelled_columns_found"] as? [[Int]])?[2] == [0, 0, 0, 1])

        let bad = try scratch.write("bad.jsonl", #"{"id":"y","reply":"x","tactics":["price-angel"]}"# + "\n")
        let refused = try DojoBinary.run(["eval", bad])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.jsonl:1:1: error[DJ0301]"))
        #expect(refused.stderr.contains("price-angel"))
    }

    @Test("/flag records the reply in the transcript; dojo flags lists it and writes corpus lines dojo eval reads")
    func flags() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let transcript = scratch.path + "/session.jsonl"
        let play = try DojoBinary.run(["play", "customer-a-lowest-quote-en", "--seed", "1", "--transcript", transcript],
                                      input: Data("We can save you 200k a year.\n/flag this deserved price-angle and more\n/flag\n".utf8))
        #expect(play.status == 0, "\(play.stderr)")
        #expect(play.stdout.contains("Flagged the score of reply 1"))
        let listed = try DojoBinary.run(["flags", transcript])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("2 flagged replies in 1 transcript(s)"))
        #expect(listed.stdout.contains("We can save you 200k a year."))
        #expect(listed.stdout.contains("note: this deserved price-angle and more"))
        let lines = try DojoBinary.run(["flags", transcript, "--format", "jsonl"])
        #expect(lines.stdout.split(separator: "\n").count == 2)
        let corpusFile = try scratch.write("flags.jsonl", lines.stdout)
        let evaluated = try DojoBinary.run(["eval", corpusFile])
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        #expect(evaluated.stdout.contains("2 labelled replies"))
        let none = try DojoBinary.run(["play", "customer-a-lowest-quote-en", "--seed", "1", "--transcript", scratch.path + "/t2.jsonl"],
                                      input: Data("/flag too early\n".utf8))
        #expect(none.stdout.contains("No reply to flag yet."))
    }
}
