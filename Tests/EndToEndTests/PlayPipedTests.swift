import DojoKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `dojo play` driven from a pipe: golden play-throughs, crash safety and hostile input.
@Suite("dojo play, piped")
struct PlayPipedTests {
    static let library = ScenarioLibrary.load(directory: DojoBinary.repositoryRoot + "/Scenarios")

    /// The shipped trained model (nil only when it cannot be read, which the golden test reports).
    static let model = try? TacticModel.load(path: TrainingInputs.modelPath(scenarioDirectory: DojoBinary.repositoryRoot + "/Scenarios"))
    /// The evaluator `dojo play` uses: the cues and the shipped trained model.
    static let evaluator = Evaluator(catalog: library.catalog, model: model)

    /// The model answers of the main path, as a strong trainee would type them, walked with the evaluator the
    /// binary uses (with cues alone the path can differ, and the piped play would run out of replies).
    static func strongReplies(_ id: String) -> [String] {
        guard let scenario = library.scenario(id) else { return [] }
        var session = Session(scenario: scenario, evaluator: evaluator, seed: 1)
        var replies: [String] = []
        while session.phase != .ended, let answer = session.turn?.modelAnswer, replies.count < 30 {
            replies.append(answer)
            _ = try? session.respond(answer)
        }
        return replies
    }

    static func play(_ id: String, replies: [String], extra: [String] = []) throws -> (DojoBinary.Output, String) {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let path = scratch.path + "/t.jsonl"
        let input = Data((replies.joined(separator: "\n") + "\n").utf8)
        let output = try DojoBinary.run(["play", id, "--seed", "1", "--transcript", path] + extra, input: input)
        let transcript = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return (output, transcript)
    }

    /// Output without the transcript path line (its folder differs per run).
    static func stable(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("记录已保存：") && !$0.hasPrefix("Transcript saved: ") }
            .joined(separator: "\n")
    }

    @Test("golden play-throughs of every shipped scenario", arguments: library.scenarios.map(\.id))
    func golden(_ id: String) throws {
        try #require(Self.model != nil, "the shipped model must load: the strong path is walked with it, as dojo play walks it")
        let (output, transcript) = try Self.play(id, replies: Self.strongReplies(id))
        #expect(output.status == 0, "\(output.stderr)")
        #expect(!output.stdout.contains("\u{1B}"), "piped output must have no escape codes")
        let actual = Self.stable(output.stdout)
        let goldenPath = DojoBinary.repositoryRoot + "/Tests/EndToEndTests/Golden/play-\(id).txt"
        if ProcessInfo.processInfo.environment["DOJO_UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(atPath: (goldenPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try actual.write(toFile: goldenPath, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: goldenPath, encoding: .utf8)
        #expect(actual == golden, "output differs from \(goldenPath); rerun with DOJO_UPDATE_GOLDEN=1 after checking the change")
        // The transcript reads back and ends with a scorecard.
        let parsed = try Transcript.parse(Array(transcript.utf8))
        #expect(parsed.records.last?.kind == "end")
        #expect(parsed.replies.count == Self.strongReplies(id).count)
    }

    @Test("a meter's label is what the trainee sees, in the scenario's language; dojo show lists it")
    func meterLabels() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let root = DojoBinary.repositoryRoot + "/Scenarios"
        try FileManager.default.copyItem(atPath: root + "/playbooks", toPath: scratch.path + "/playbooks")
        let original = try String(contentsOfFile: root + "/zh-Hans/customer-a-lowest-quote.yaml", encoding: .utf8)
        let labelled = original.replacingOccurrences(of: "  patience:\n", with: "  patience:\n    label: {zh: 耐性余量, en: patience left}\n")
        try #require(labelled != original)
        try scratch.write("zh-Hans/customer-a-lowest-quote.yaml", labelled)
        let play = try DojoBinary.run(["play", "customer-a-lowest-quote", "--seed", "1", "--transcript", scratch.path + "/t.jsonl",
                                       "--scenarios", scratch.path],
                                      input: Data("好的\n".utf8))
        #expect(play.stdout.contains("耐性余量 ■"), "\(play.stdout)")
        #expect(!play.stdout.contains("耐心 ■"))
        let show = try DojoBinary.run(["show", "customer-a-lowest-quote", "--scenarios", scratch.path, "--lang", "en"])
        #expect(show.stdout.contains("shown as: patience left"), "\(show.stdout)")
        // A label needs both languages.
        try scratch.write("zh-Hans/customer-a-lowest-quote.yaml",
                          original.replacingOccurrences(of: "  patience:\n", with: "  patience:\n    label: {zh: 耐性余量}\n"))
        let validate = try DojoBinary.run(["validate", "--scenarios", scratch.path])
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("label of meter `patience`") || validate.stderr.contains("label of meter `patience`"),
                "\(validate.stdout)\(validate.stderr)")
    }

    @Test("same seed and replies: identical output; the transcript records the seed")
    func deterministic() throws {
        let replies = ["每年为您节约20万元。", "/score", "五万支走批量价。"]
        let (a, ta) = try Self.play("customer-a-lowest-quote", replies: replies)
        let (b, _) = try Self.play("customer-a-lowest-quote", replies: replies)
        #expect(Self.stable(a.stdout) == Self.stable(b.stdout))
        #expect(ta.contains("\"seed\":\"1\""))
    }

    @Test("exam mode: the type question first, no feedback until the scorecard, pass or fail")
    func exam() throws {
        let replies = ["1"] + Self.strongReplies("customer-a-lowest-quote")
        let (output, transcript) = try Self.play("customer-a-lowest-quote", replies: replies, extra: ["--mode", "exam", "--pass", "50"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("考试第一题"))
        #expect(!output.stdout.contains("得分 "), "no per-reply feedback in exam mode")
        #expect(output.stdout.contains("类型判断：✓ 正确"))
        #expect(output.stdout.contains("考试通过") || output.stdout.contains("考试未通过"))
        #expect(transcript.contains("\"event\":\"type_guess\""))
        let refused = try Self.play("customer-a-lowest-quote", replies: ["3", "/hint", "/rewind"], extra: ["--mode", "exam"])
        #expect(refused.0.stdout.components(separatedBy: "考试模式下不能用这个命令").count == 3)
    }

    @Test("hostile input: invalid UTF-8, a 1 MB line, NUL bytes and ANSI escapes")
    func hostileInput() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        var input = Data([0xFF, 0xFE, 0x0A])
        input += Data(repeating: UInt8(ascii: "a"), count: 1_000_000) + Data([0x0A])
        input += Data("每年\u{0}为您节约\u{1B}[31m20万元\u{1B}[0m\u{202E}。\n".utf8)
        let path = scratch.path + "/t.jsonl"
        let output = try DojoBinary.run(["play", "customer-a-lowest-quote", "--seed", "1", "--transcript", path], input: input)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.contains("第 1 行：不是有效的 UTF-8"))
        #expect(output.stderr.contains("第 2 行：回答有 1000000 字节"))
        #expect(!output.stdout.contains("\u{1B}"))
        #expect(!output.stdout.contains("\u{202E}"))
        let transcript = try String(contentsOfFile: path, encoding: .utf8)
        #expect(transcript.contains("\"text\":\"每年为您节约20万元。\""))
        #expect(!transcript.contains("\\u0000"))
    }

    @Test("kill -9 mid-session: every completed exchange is in the transcript and it reads back")
    func killNine() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let path = scratch.path + "/t.jsonl"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DojoBinary.path)
        process.arguments = ["play", "customer-a-lowest-quote", "--seed", "1", "--transcript", path]
        process.currentDirectoryURL = URL(fileURLWithPath: DojoBinary.repositoryRoot)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let replies = ["每年为您节约20万元，报价直接发您邮箱。", "这个配件不算钱，按光管单价比，五万支能省四万元。"]
        try stdin.fileHandleForWriting.write(contentsOf: Data((replies.joined(separator: "\n") + "\n").utf8))
        // Wait until both replies are on disk, then kill without warning.
        let deadline = Date().addingTimeInterval(20)
        var events: Transcript?
        while Date() < deadline {
            if let data = FileManager.default.contents(atPath: path), let t = try? Transcript.parse([UInt8](data)), t.replies.count == 2 {
                events = t
                break
            }
            usleep(50_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let data = try #require(FileManager.default.contents(atPath: path))
        let transcript = try Transcript.parse([UInt8](data))
        #expect(events != nil)
        #expect(transcript.replies.map(\.text) == replies)
        #expect(transcript.records.allSatisfy { $0.kind != "end" })
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // `dojo replay` reads the unfinished record.
        let replay = try DojoBinary.run(["replay", path])
        #expect(replay.status == 0)
        #expect(replay.stdout.contains("会话没有正常结束"))
    }

    @Test("a torn last line is ignored by the reader; damage elsewhere is an error")
    func tornLine() throws {
        let good = "{\"event\":\"start\",\"scenario\":\"x\"}\n{\"event\":\"buyer\",\"text\":\"a\"}\n"
        let torn = try Transcript.parse(Array((good + "{\"event\":\"rep").utf8))
        #expect(torn.tornLastLine)
        #expect(torn.records.count == 2)
        #expect(throws: Transcript.DamagedLine.self) { try Transcript.parse(Array(("{oops\n" + good).utf8)) }
    }

    @Test("replay re-renders a session and --regrade reports differences")
    func replay() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let path = scratch.path + "/t.jsonl"
        _ = try DojoBinary.run(["play", "customer-a-lowest-quote", "--seed", "1", "--transcript", path],
                               input: Data("每年为您节约20万元。\n/rewind\n我们的团队很专业。\n".utf8))
        let replay = try DojoBinary.run(["replay", path, "--regrade"])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("你 #1: 每年为您节约20万元。（已撤回）"))
        #expect(replay.stdout.contains("你 #2: 我们的团队很专业。"))
        #expect(replay.stdout.contains("重新评分：2 个回答，0 个有变化。"))
    }
}
