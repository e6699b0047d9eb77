import CTestSupport
import DojoKit
import Foundation
import Testing

/// `dojo replay` through the real binary: drills, regrade totals, accurate messages for folders and
/// damaged numbers, sanitised recorded text, and streaming memory.
@Suite("dojo replay")
struct ReplayCommandTests {
    /// Plays a short session into `path`.
    static func play(_ path: String, trainee: String = "wang", replies: String = "每年为您节约20万元。\n我们的团队很专业。\n") throws {
        let out = try DojoBinary.run(["play", "customer-a-lowest-quote", "--seed", "1", "--trainee", trainee, "--transcript", path,
                                      "--db", path + ".sqlite"], input: Data(replies.utf8))
        #expect(out.status == 0, "\(out.stderr)")
    }

    @Test("replay DIR says it is a folder; a missing file says so; a FIFO is refused without blocking")
    func folderAndFIFO() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let folder = try DojoBinary.run(["replay", scratch.path])
        #expect(folder.status == 1)
        #expect(folder.stderr.contains("it is a folder; give one transcript file (.jsonl) from it"), "\(folder.stderr)")
        let missing = try DojoBinary.run(["replay", scratch.path + "/none.jsonl"])
        #expect(missing.stderr.contains("there is no such file"), "\(missing.stderr)")
        let fifo = scratch.path + "/x.jsonl"
        #expect(mkfifo(fifo, 0o600) == 0)
        let piped = try DojoBinary.run(["replay", fifo])
        #expect(piped.status == 1)
        #expect(piped.stderr.contains("not a regular file"), "\(piped.stderr)")
    }

    @Test("a drill transcript is shown, not called damaged")
    func drill() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let path = scratch.path + "/d.jsonl"
        let drill = try DojoBinary.run(["drill", "--lang", "en", "--seed", "7", "--count", "2", "--trainee", "li", "--transcript", path,
                                        "--db", scratch.path + "/p.sqlite"], input: Data("1 only the price\n3\n".utf8))
        #expect(drill.status == 0, "\(drill.stderr)")
        let replay = try DojoBinary.run(["replay", path])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("Identify the key account's value type"))
        #expect(replay.stdout.contains("> 1 only the price"))
        #expect(replay.stdout.contains("Accuracy: "))
        #expect(!replay.stderr.contains("damaged"))
    }

    @Test("a number out of range is 'damaged at line N' with the field named, never a trap", arguments: [
        ("\"n\":1,", "\"n\":1e19,"), ("\"total\":", "\"total\":1e19,\"x\":"), ("\"score\":", "\"score\":-1e999,\"x\":"),
    ])
    func damagedNumbers(_ replace: String, _ value: String) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let path = scratch.path + "/t.jsonl"
        try Self.play(path)
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let index = try #require(lines.lastIndex { $0.contains(replace) && !$0.hasPrefix("{\"event\":\"start\"") })
        lines[index] = lines[index].replacingOccurrences(of: replace, with: value)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let replay = try DojoBinary.run(["replay", path])
        #expect(replay.status == 1, "a trap would be status 132/133: \(replay.status)")
        #expect(replay.stderr.contains("is damaged at line \(index + 1): "), "\(replay.stderr)")
        #expect(replay.stdout.isEmpty, "damage is found before anything is shown")
    }

    /// Alignment is decoded into an enum, so an unknown value is damage rather than text to sanitise.
    @Test("every recorded string passes the terminal sanitiser: trainee, seed, started_at, scenario id, tactic ids, hint")
    func sanitised() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let evil = "\u{1B}]0;pwned\u{07}\u{1B}[2JEVIL"
        let path = scratch.path + "/t.jsonl"
        let play = try DojoBinary.run(["play", "customer-a-lowest-quote", "--seed", "1", "--trainee", evil, "--transcript", path,
                                       "--db", scratch.path + "/p.sqlite"], input: Data("/hint\n每年为您节约20万元。\n".utf8))
        #expect(play.status == 0, "\(play.stderr)")
        let escaped = "\\u001b]0;pwned\\u0007\\u001b[2J"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        // Poison the other recorded fields the same way (a hostile transcript).
        text = text.replacingOccurrences(of: "\"seed\":\"1\"", with: "\"seed\":\"1\(escaped)\"")
            .replacingOccurrences(of: "\"started_at\":\"", with: "\"started_at\":\"\(escaped)")
            .replacingOccurrences(of: "\"id\":\"price-angle\"", with: "\"id\":\"price-angle\(escaped)\"")
            .replacingOccurrences(of: "{\"event\":\"hint\",\"turn\":\"opening\",\"text\":\"", with: "{\"event\":\"hint\",\"turn\":\"opening\",\"text\":\"\(escaped)")
            .replacingOccurrences(of: "\"scenario\":\"customer-a-lowest-quote\"", with: "\"scenario\":\"customer-a\(escaped)\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let replay = try DojoBinary.run(["replay", path])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("EVIL"), "the trainee's name is shown, cleaned")
        #expect(replay.stdout.contains("customer-a"))
        #expect(!replay.stdout.contains("\u{1B}") && !replay.stdout.contains("\u{07}"), "escape codes reached the terminal")
        #expect(!replay.stderr.contains("\u{1B}"))
    }

    @Test("--regrade shows changed replies and recomputes the total instead of keeping the old one")
    func regradeTotal() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let path = scratch.path + "/t.jsonl"
        try Self.play(path)
        // An older evaluator scored the first reply 3 and the session 2.
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let reply = try #require(lines.firstIndex { $0.hasPrefix("{\"event\":\"reply\"") })
        let score = try #require(lines[reply].range(of: #""score":\d+"#, options: .regularExpression))
        let recorded = Int(lines[reply][score].dropFirst(8)) ?? -1
        lines[reply].replaceSubrange(score, with: "\"score\":3")
        let end = try #require(lines.firstIndex { $0.hasPrefix("{\"event\":\"end\"") })
        let total = try #require(lines[end].range(of: #""total":\d+"#, options: .regularExpression))
        let recordedTotal = Int(lines[end][total].dropFirst(8)) ?? -1
        lines[end].replaceSubrange(total, with: "\"total\":2")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let replay = try DojoBinary.run(["replay", path, "--regrade", "--lang", "en"])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("regraded: 3 → \(recorded)"), "\(replay.stdout)")
        #expect(replay.stdout.contains("Regraded 2 replies: 1 changed."))
        #expect(replay.stdout.contains("Total: recorded 2 → now \(recordedTotal)/100"), "\(replay.stdout)")
    }

    @Test("--regrade of a transcript just recorded reports no change: each reply is scored again with the buyer line it answered")
    func regradeUnchanged() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        var sessions: [(name: String, arguments: [String], input: String)] = []
        for id in ["customer-a-lowest-quote", "customer-a-lowest-quote-en", "customer-b-service-guidance", "early-spec-writer-en"] {
            for mode in ["model", "weak"] { sessions.append(("\(id)-\(mode)", [id, "--autoplay", mode], "")) }
        }
        sessions.append(("exam", ["customer-a-lowest-quote-en", "--mode", "exam", "--autoplay", "model"], ""))
        // Rewinds, hints, flags and short answers to the buyer's questions, piped.
        sessions.append(("piped", ["customer-a-lowest-quote"],
                         "五万支。\n/rewind\n每年为您节约20万元，报价直接发您邮箱。\n/hint\n是的。\n/flag 不公平\n五万支走批量价，每支再低五毛。\n好的\n"))
        for session in sessions {
            let path = scratch.path + "/\(session.name).jsonl"
            let play = try DojoBinary.run(["play"] + session.arguments + ["--seed", "3", "--transcript", path, "--db", scratch.path + "/p.sqlite"],
                                          input: Data(session.input.utf8))
            #expect([0, 3, 4].contains(play.status), "\(session.name): \(play.stderr)")
            let replay = try DojoBinary.run(["replay", path, "--regrade", "--lang", "en"])
            #expect(replay.status == 0, "\(session.name): \(replay.stderr)")
            #expect(replay.stdout.range(of: #"Regraded [1-9][0-9]* replies: 0 changed\."#, options: .regularExpression) != nil,
                    "\(session.name): \(replay.stdout.split(separator: "\n").suffix(12).joined(separator: "\n"))")
            let total = replay.stdout.range(of: #"Total: recorded (\d+) → now (\d+)/100"#, options: .regularExpression).map { String(replay.stdout[$0]) }
            let numbers = total?.split(whereSeparator: { !$0.isNumber }).map(String.init) ?? []
            #expect(numbers.count == 3 && numbers[0] == numbers[1], "\(session.name): \(total ?? "no total line")")
        }
    }

    @Test("an unknown event kind (from a newer dojo) is skipped with a note")
    func unknownKind() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let path = scratch.path + "/t.jsonl"
        try Self.play(path)
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.insert("{\"event\":\"coach_note\",\"n\":1,\"reason\":\"note\"}", at: 3)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let replay = try DojoBinary.run(["replay", path, "--lang", "en"])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("(line 4 is a \"coach_note\" record this version does not know; skipped)"), "\(replay.stdout)")
    }

    @Test("the loader's content hash is recorded; replay says when the scenario file changed since")
    func contentHash() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let root = DojoBinary.repositoryRoot + "/Scenarios"
        try FileManager.default.copyItem(atPath: root + "/playbooks", toPath: scratch.path + "/playbooks")
        let original = try String(contentsOfFile: root + "/zh-Hans/customer-a-lowest-quote.yaml", encoding: .utf8)
        try scratch.write("zh-Hans/customer-a-lowest-quote.yaml", original)
        let path = scratch.path + "/t.jsonl"
        let play = try DojoBinary.run(["play", "customer-a-lowest-quote", "--seed", "1", "--transcript", path, "--scenarios", scratch.path,
                                       "--db", scratch.path + "/p.sqlite"], input: Data("好的\n".utf8))
        #expect(play.status == 0, "\(play.stderr)")
        let transcript = try Transcript.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let expected = "fnv1a64:" + String(FNV1a.hash(Array(original.utf8)), radix: 16)
        #expect(transcript.start?.scenarioHash == expected)
        let same = try DojoBinary.run(["replay", path, "--scenarios", scratch.path, "--lang", "en"])
        #expect(!same.stdout.contains("has changed"))
        try scratch.write("zh-Hans/customer-a-lowest-quote.yaml", original + "\n# edited\n")
        let changed = try DojoBinary.run(["replay", path, "--scenarios", scratch.path, "--lang", "en"])
        #expect(changed.stdout.contains("Note: the scenario file has changed since this session."), "\(changed.stdout)")
    }

    @Test("an exam cut short: replay shows the verdict's reason, and --regrade does not pass it whatever the scores")
    func examVerdict() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let path = scratch.path + "/t.jsonl"
        let play = try DojoBinary.run(["play", "customer-a-lowest-quote-en", "--mode", "exam", "--pass", "0", "--seed", "1", "--transcript", path,
                                       "--db", scratch.path + "/p.sqlite"],
                                      input: Data("intrinsic\nWe save you 200k a year; I will email the quote.\n".utf8))
        #expect(play.status == 4, "\(play.stdout)")
        let replay = try DojoBinary.run(["replay", path, "--regrade"])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("Exam not passed (not-finished)"), "\(replay.stdout)")
        #expect(!replay.stdout.contains("With today's scores the exam is passed."))
    }

    @Test("a flagged reply is shown by replay and marked in the store")
    func flagged() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let path = scratch.path + "/t.jsonl"
        try Self.play(path, replies: "每年为您节约20万元。\n/flag should credit volume-offer \u{1B}[2J\n")
        let replay = try DojoBinary.run(["replay", path, "--lang", "en"])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("(flagged the score of reply 1) should credit volume-offer"), "\(replay.stdout)")
        #expect(!replay.stdout.contains("\u{1B}"))
        let csv = try DojoBinary.run(["report", "--trainee", "wang", "--format", "csv", "--db", path + ".sqlite"])
        #expect(csv.stdout.contains(",flagged,"), "\(csv.stdout)")
    }

    @Test("replay streams: a 60 MB transcript is shown with a small, bounded peak memory")
    func streamsLargeTranscript() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let path = scratch.path + "/t.jsonl"
        try Self.play(path)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let start = lines[0], reply = try #require(lines.first { $0.hasPrefix("{\"event\":\"reply\"") })
        let padded = reply.replacingOccurrences(of: "\"text\":\"", with: "\"text\":\"" + String(repeating: "很", count: 1_000))
        let big = URL(fileURLWithPath: scratch.path + "/big.jsonl")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.write(contentsOf: Data((start + "\n").utf8))
        let chunk = Data(String(repeating: padded + "\n", count: 1_000).utf8)
        var written = 0
        while written < 60_000_000 {
            try handle.write(contentsOf: chunk)
            written += chunk.count
        }
        try handle.close()
        let binary: String = DojoBinary.path
        let bigPath: String = big.path
        let words: [String] = [binary, "replay", bigPath]
        let argv = words.map { strdup($0) } + [nil]
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["XDG_DATA_HOME"] = scratch.path
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var peak: Int = 0
        let status = dojo_run_peak_rss(binary, argv, envp, &peak)
        #expect(status == 0)
        #expect(peak > 0 && peak < 100_000, "peak RSS \(peak) KiB for a \(written / 1_000_000) MB transcript")
    }
}
