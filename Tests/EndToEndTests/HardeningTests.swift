import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Regressions from the attack pass (issue #13), each through the real binary: crashes, hangs,
/// terminal-escape injection, the history file and wrong behaviours.
@Suite("hardening: hostile files, arguments and environments")
struct HardeningTests {
    static let root = DojoBinary.repositoryRoot + "/Scenarios"
    static let original = (try? String(contentsOfFile: root + "/zh-Hans/customer-a-lowest-quote.yaml", encoding: .utf8)) ?? ""

    /// A scenario folder with the shipped playbooks and `files` (name → text).
    static func folder(_ files: [String: String]) throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        try FileManager.default.copyItem(atPath: root + "/playbooks", toPath: scratch.path + "/playbooks")
        for (name, text) in files { try scratch.write(name, text) }
        return scratch
    }

    /// Runs the binary with a deadline, so a hang fails the test instead of stalling the suite;
    /// `shellPrefix` runs it under `/bin/sh -c "<prefix>; exec dojo …"` (for `ulimit`).
    static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:],
                    shellPrefix: String? = nil, timeout: Double = 60) throws -> (output: DojoBinary.Output, timedOut: Bool) {
        let process = Process()
        if let shellPrefix {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            let quoted = ([DojoBinary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            process.arguments = ["-c", shellPrefix + "; exec " + quoted.joined(separator: " ")]
        } else {
            process.executableURL = URL(fileURLWithPath: DojoBinary.path)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: DojoBinary.repositoryRoot)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "DOJO_SCENARIOS")
        env.removeValue(forKey: "COLUMNS")
        env["XDG_DATA_HOME"] = NSTemporaryDirectory() + "dojo-e2e-data"
        env["XDG_STATE_HOME"] = NSTemporaryDirectory() + "dojo-e2e-state"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Standard input from a file, so a child that dies early (the defects here were traps) cannot
        // break a pipe under the test process.
        let inputFile = NSTemporaryDirectory() + "dojo-e2e-input-" + UUID().uuidString
        try input.write(to: URL(fileURLWithPath: inputFile))
        defer { unlink(inputFile) }
        let stdout = Pipe(), stderr = Pipe()
        process.standardInput = FileHandle(forReadingAtPath: inputFile)
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        group.enter()
        DispatchQueue.global().async { out = (try? stdout.fileHandleForReading.readToEnd()) ?? Data(); group.leave() }
        group.enter()
        DispatchQueue.global().async { err = (try? stderr.fileHandleForReading.readToEnd()) ?? Data(); group.leave() }
        var timedOut = false
        if group.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            group.wait()
        }
        process.waitUntilExit()
        return (DojoBinary.Output(stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                                  status: process.terminationStatus), timedOut)
    }

    // MARK: 1. grade ids

    @Test("grade: ids 1e16, 1e999, -1e999 and 0.0001 give error lines, not a trap; no result is lost; whole ids echo exactly")
    func gradeIDs() throws {
        var input = ""
        for i in 0..<1000 { input += "{\"reply\":\"每年为您节约20万元\",\"id\":\(i)}\n" }
        input += "{\"reply\":\"x\",\"id\":1e16}\n{\"reply\":\"x\",\"id\":1e999}\n{\"reply\":\"x\",\"id\":-1e999}\n{\"reply\":\"x\",\"id\":0.0001}\n"
        input += "{\"reply\":\"x\",\"id\":123456789012345}\n"
        let (output, _) = try Self.run(["grade", "--format", "jsonl", "--type", "intrinsic"], input: Data(input.utf8))
        #expect(output.status == 1, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 1005)
        #expect(lines.filter { $0.contains("\"error\"") }.count == 4)
        #expect(lines[1003].contains("\"line\":1004") && lines[1003].contains("write other ids as strings"))
        #expect(lines[1004].hasPrefix("{\"id\":123456789012345,"), "\(lines[1004])")
    }

    // MARK: 3. numbers in scenarios

    @Test("validate bounds meters and effects (DJ0025); a huge effect no longer validates and traps in play")
    func numberBounds() throws {
        let hugeEffect = Self.original.replacingOccurrences(of: "effects: {trust: -1, patience: -1}",
                                                            with: "effects: {trust: 9223372036854775807, patience: -1}")
        let hugeMeter = Self.original.replacingOccurrences(of: "  trust:\n    start: 1\n    min: 0\n    max: 6",
                                                           with: "  trust:\n    start: 1\n    min: -9223372036854775808\n    max: 9223372036854775807")
        try #require(hugeEffect != Self.original && hugeMeter != Self.original)
        for text in [hugeEffect, hugeMeter] {
            let scratch = try Self.folder(["s.yaml": text])
            defer { scratch.remove() }
            let (validate, _) = try Self.run(["validate", "--scenarios", scratch.path])
            #expect(validate.status == 1)
            #expect(validate.stdout.contains("error[DJ0025]"), "\(validate.stdout)")
            let (play, _) = try Self.run(["play", "customer-a-lowest-quote", "--seed", "1", "--scenarios", scratch.path,
                                          "--transcript", scratch.path + "/t.jsonl"], input: Data("先让价，今天必须签\n".utf8))
            #expect(play.status == 1 && play.stderr.contains("No scenario has the id"), "\(play.stderr)")
        }
        // A wide meter within the bounds plays, drawn as a 10-square gauge.
        let wide = Self.original.replacingOccurrences(of: "  trust:\n    start: 1\n    min: 0\n    max: 6",
                                                      with: "  trust:\n    start: 1\n    min: -1000\n    max: 1000")
        let scratch = try Self.folder(["s.yaml": wide])
        defer { scratch.remove() }
        let (play, _) = try Self.run(["play", "customer-a-lowest-quote", "--seed", "1", "--scenarios", scratch.path,
                                      "--transcript", scratch.path + "/t.jsonl"], input: Data("好的\n".utf8))
        #expect(play.status == 0, "\(play.stderr)")
        #expect(play.stdout.contains("信任 ■■■■■□□□□□ 1/1000"), "\(play.stdout)")
    }

    @Test("`effects: {trust: 1+1}` is not a number (it validated as +11)")
    func plusInNumber() throws {
        let text = Self.original.replacingOccurrences(of: "effects: {trust: -1, patience: -1}", with: "effects: {trust: 1+1, patience: -1}")
        let scratch = try Self.folder(["s.yaml": text])
        defer { scratch.remove() }
        let (validate, _) = try Self.run(["validate", "--scenarios", scratch.path])
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("error[DJ0009]: the effect on `trust` must be a whole number, not the text `1+1`"),
                "\(validate.stdout)")
    }

    // MARK: 4. conditions

    @Test("a 27 KB nested condition and a 70,000-term chain are refused (DJ0024), and other commands still run")
    func conditionCaps() throws {
        let nested = String(repeating: "(", count: 13_500) + "score >= 1" + String(repeating: ")", count: 13_500)
        let chain = Array(repeating: "true", count: 70_000).joined(separator: " or ")
        for condition in [nested, chain] {
            var text = Self.original
            let range = try #require(text.range(of: "when: used(premature-discount) or used(hard-sell)"))
            text.replaceSubrange(range, with: "when: \(condition)")
            let scratch = try Self.folder(["s.yaml": text, "b.yaml": Self.original.replacingOccurrences(of: "id: customer-a-lowest-quote", with: "id: other")])
            defer { scratch.remove() }
            let (validate, timedOut) = try Self.run(["validate", "--scenarios", scratch.path])
            #expect(!timedOut)
            #expect(validate.status == 1)
            #expect(validate.stdout.contains("error[DJ0024]"), "\(validate.stderr)")
            let (list, _) = try Self.run(["list", "--scenarios", scratch.path])
            #expect(list.status == 0 && list.stdout.contains("other"), "\(list.stderr)")
        }
    }

    // MARK: 5, 6. hangs

    @Test("a FIFO named x.yaml is skipped and named (DJ0023); a FIFO given to validate or grade is refused, not waited on")
    func fifo() throws {
        let scratch = try Self.folder(["s.yaml": Self.original])
        defer { scratch.remove() }
        #expect(mkfifo(scratch.path + "/x.yaml", 0o600) == 0)
        let (list, listTimedOut) = try Self.run(["list", "--scenarios", scratch.path], timeout: 30)
        #expect(!listTimedOut)
        #expect(list.status == 0 && list.stdout.contains("customer-a-lowest-quote"))
        #expect(list.stderr.contains("problem(s)"), "\(list.stderr)")
        let (validate, validateTimedOut) = try Self.run(["validate", scratch.path + "/x.yaml", "--scenarios", scratch.path], timeout: 30)
        #expect(!validateTimedOut)
        #expect(validate.stdout.contains("x.yaml:1:1: error[DJ0023]: skipped: this is a FIFO (named pipe), not a regular file"),
                "\(validate.stdout)")
        let (grade, gradeTimedOut) = try Self.run(["grade", "--format", "jsonl", scratch.path + "/x.yaml"], timeout: 30)
        #expect(!gradeTimedOut)
        #expect(grade.status == 1)
        #expect(grade.stderr.contains("is a FIFO (named pipe), not a regular file"), "\(grade.stderr)")
    }

    @Test("`--scenarios /` is a bounded walk that says where it stopped; deep folders are reported (DJ0027)")
    func boundedWalk() throws {
        let (list, timedOut) = try Self.run(["list", "--scenarios", "/"], timeout: 120)
        #expect(!timedOut)
        #expect(list.status == 0)
        let scratch = try Self.folder(["s.yaml": Self.original])
        defer { scratch.remove() }
        let deep = (1...14).map { "d\($0)" }.joined(separator: "/")
        try scratch.write(deep + "/deep.yaml", Self.original.replacingOccurrences(of: "id: customer-a-lowest-quote", with: "id: deep"))
        let (validate, _) = try Self.run(["validate", "--scenarios", scratch.path])
        #expect(validate.stdout.contains("error[DJ0027]: sub-folders more than 12 levels deep are not searched"), "\(validate.stdout)")
        #expect(!validate.stdout.contains("deep.yaml"))
    }

    // MARK: 7. terminal escapes

    @Test("control characters in scenario text are refused however written (DJ0026), and never printed raw")
    func escapeInScenario() throws {
        let text = Self.original.replacingOccurrences(of: "title: 一周定标：五万支钢管的最低报价", with: "title: \"X\\e]0;pwned\\a\\e[2J\"")
        try #require(text != Self.original)
        let scratch = try Self.folder(["s.yaml": text])
        defer { scratch.remove() }
        let (validate, _) = try Self.run(["validate", "--scenarios", scratch.path])
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("error[DJ0026]: `title` in the scenario holds the control character U+001B"), "\(validate.stdout)")
        for arguments in [["list"], ["show", "customer-a-lowest-quote"], ["play", "customer-a-lowest-quote", "--seed", "1"]] {
            let (output, _) = try Self.run(arguments + ["--scenarios", scratch.path], input: Data("好的\n".utf8))
            #expect(!output.stdout.contains("\u{1B}") && !output.stderr.contains("\u{1B}") && !output.stdout.contains("\u{07}"),
                    "\(arguments)")
        }
    }

    @Test("file names, unknown ids and arguments are sanitised: no escape reaches the terminal, no forged diagnostic line")
    func escapeInNamesAndArguments() throws {
        let scratch = try Self.folder([:])
        defer { scratch.remove() }
        let forged = "a\nerror[DJ0000]: forged\u{1B}[2J.yaml"
        try scratch.write(forged, "foo: 1\n")
        let (validate, _) = try Self.run(["validate", "--scenarios", scratch.path])
        #expect(!validate.stdout.contains("\u{1B}"))
        #expect(!validate.stdout.split(separator: "\n").contains { $0.hasPrefix("error[DJ0000]") }, "\(validate.stdout)")
        let (show, _) = try Self.run(["show", "x\u{1B}]0;pwned\u{07}", "--scenarios", scratch.path])
        #expect(show.status == 1 && show.stderr.contains("No scenario has the id") && !show.stderr.contains("\u{1B}"), "\(show.stderr)")
        let (badType, _) = try Self.run(["grade", "--type", "x\u{1B}[2J", "hi"])
        #expect(badType.status == 2 && !badType.stderr.contains("\u{1B}"), "\(badType.stderr)")
    }

    @Test("grade text mode: evidence quoting a reply with escapes prints no escape")
    func gradeTextEvidence() throws {
        let (output, _) = try Self.run(["grade", "--type", "intrinsic", "每年为您\u{1B}]0;pwned\u{07}节约\u{1B}[2J20万元"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("节约"))
        #expect(!output.stdout.contains("\u{1B}") && !output.stdout.contains("\u{07}"), "\(output.stdout)")
    }

    // MARK: wrong behaviours

    @Test("a command that needs one scenario reads one: play ID, show ID and grade do not parse the rest of the folder")
    func readsOnlyWhatItNeeds() throws {
        // A broken file beside the scenario: reading it would add a "problem(s)" note on stderr.
        let english = try String(contentsOfFile: Self.root + "/en/customer-a-lowest-quote.yaml", encoding: .utf8)
        let scratch = try Self.folder(["zh/customer-a-lowest-quote.yaml": Self.original, "en/renamed-file.yaml": english,
                                       "zz/broken.yaml": "id: broken\ntitle: [never closed\n"])
        defer { scratch.remove() }
        let (play, _) = try Self.run(["play", "customer-a-lowest-quote", "--seed", "1", "--scenarios", scratch.path,
                                      "--transcript", scratch.path + "/t.jsonl"], input: Data("好的\n".utf8))
        #expect(play.status == 0 && play.stdout.contains("成绩单"))
        #expect(!play.stderr.contains("problem(s)"), "\(play.stderr)")
        // Found by its `id:` line, not its file name.
        let (show, _) = try Self.run(["show", "customer-a-lowest-quote-en", "--scenarios", scratch.path])
        #expect(show.status == 0 && show.stdout.contains("(customer-a-lowest-quote-en)"), "\(show.stderr)")
        #expect(!show.stderr.contains("problem(s)"))
        let (grade, _) = try Self.run(["grade", "--type", "intrinsic", "--scenarios", scratch.path, "每年为您节约20万元"])
        #expect(grade.status == 0 && !grade.stderr.contains("problem(s)"), "\(grade.stderr)")
        // The whole folder is still read when the id is not found, with the note and a suggestion.
        let (missing, _) = try Self.run(["show", "customer-a-lowest-quot", "--scenarios", scratch.path])
        #expect(missing.status == 1 && missing.stderr.contains("Did you mean 'customer-a-lowest-quote'"), "\(missing.stderr)")
        let (list, _) = try Self.run(["list", "--scenarios", scratch.path])
        #expect(list.stdout.contains("customer-a-lowest-quote-en") && list.stderr.contains("problem(s)"))
    }

    @Test("/restart with --transcript r.jsonl when r-1.jsonl exists takes r-2.jsonl")
    func restartNextFreeName() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        try scratch.write("r-1.jsonl", "somebody else's\n")
        let (output, _) = try Self.run(["play", "customer-a-lowest-quote", "--seed", "1", "--transcript", scratch.path + "/r.jsonl"],
                                       input: Data("好的\n/restart\ny\n好的\n".utf8))
        #expect(output.status == 0, "\(output.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/r-2.jsonl"))
        #expect(try String(contentsOfFile: scratch.path + "/r-1.jsonl", encoding: .utf8) == "somebody else's\n")
    }

    @Test("piped replies: one limit in bytes, one message, wherever the line falls in the read buffer")
    func pipedLimit() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let input = String(repeating: "节", count: 4096) + "\n" + String(repeating: "y", count: 20_000) + "\n"
            + String(repeating: "q", count: 70_000) + "\n" + String(repeating: "z", count: 4096) + "\n"
        let (output, _) = try Self.run(["play", "customer-a-lowest-quote", "--seed", "1", "--transcript", scratch.path + "/t.jsonl",
                                        "--lang", "en"], input: Data(input.utf8))
        #expect(output.status == 0)
        #expect(output.stderr.contains("line 1: the reply is 12288 bytes, over the 4096-byte limit; skipped"), "\(output.stderr)")
        #expect(output.stderr.contains("line 2: the reply is 20000 bytes, over the 4096-byte limit; skipped"))
        #expect(output.stderr.contains("line 3: the reply is 70000 bytes, over the 4096-byte limit; skipped"))
        #expect(!output.stderr.contains("line 4"))
        let transcript = try String(contentsOfFile: scratch.path + "/t.jsonl", encoding: .utf8)
        #expect(transcript.components(separatedBy: "\"event\":\"reply\"").count == 2)
    }

    @Test("grade --format jsonl: a folder is an error, a leading BOM is skipped")
    func gradeFolderAndBOM() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let (folder, _) = try Self.run(["grade", "--format", "jsonl", scratch.path])
        #expect(folder.status == 1)
        #expect(folder.stderr.contains("is a folder, not a file"), "\(folder.stderr)")
        let file = try scratch.write("bom.jsonl", "\u{FEFF}{\"reply\":\"每年为您节约20万元\",\"id\":\"a\"}\n")
        let (bom, _) = try Self.run(["grade", "--format", "jsonl", "--type", "intrinsic", file])
        #expect(bom.status == 0, "\(bom.stdout)")
        #expect(bom.stdout.hasPrefix("{\"id\":\"a\",\"score\":"), "\(bom.stdout)")
    }

    @Test("an unwritable data folder is a plain sentence, not a Foundation error dump")
    func unwritableDataHome() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let blocker = try scratch.write("file", "not a folder\n")
        let (output, _) = try Self.run(["play", "customer-a-lowest-quote", "--seed", "1"], input: Data("好的\n".utf8),
                                       environment: ["XDG_DATA_HOME": blocker + "/data"])
        #expect(output.status == 1)
        #expect(!output.stderr.contains("NSCocoaErrorDomain") && !output.stderr.contains("Code="), "\(output.stderr)")
        #expect(output.stderr.contains("Cannot write the transcript"), "\(output.stderr)")
        #expect(output.stderr.contains("Not a directory") || output.stderr.contains("is not a folder"), "\(output.stderr)")
    }

    @Test("a full disk before the session leaves no empty transcript; mid-session it ends with the scorecard and says so")
    func fullDisk() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        // `ulimit -f` makes writes past the limit fail (EFBIG) like a full disk does (ENOSPC).
        let (before, _) = try Self.run(["play", "customer-a-lowest-quote", "--seed", "1", "--transcript", scratch.path + "/a.jsonl"],
                                       input: Data("好的\n".utf8), shellPrefix: "ulimit -f 0")
        #expect(before.status == 1)
        #expect(before.stderr.contains("Cannot write the transcript"), "\(before.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/a.jsonl"))
        let replies = Array(repeating: "每年为您节约20万元，报价直接发您邮箱。", count: 6).joined(separator: "\n") + "\n"
        let (during, _) = try Self.run(["play", "customer-a-lowest-quote", "--seed", "1", "--transcript", scratch.path + "/b.jsonl",
                                        "--lang", "en"],
                                       input: Data(replies.utf8), shellPrefix: "ulimit -f 4")
        #expect(during.status == 1, "\(during.stdout)\(during.stderr)")
        #expect(during.stdout.contains("The record of this session stops here"), "\(during.stdout)")
        #expect(during.stdout.contains("══ Scorecard ══"))
        #expect(during.stdout.contains("Transcript incomplete: "))
        let size = (try FileManager.default.attributesOfItem(atPath: scratch.path + "/b.jsonl")[.size] as? Int) ?? 0
        #expect(size > 0)
    }

    @Test("misleading messages: --seed -1 is a bad seed; deep YAML says it is nested too deeply")
    func messages() throws {
        let (seed, _) = try Self.run(["play", "customer-a-lowest-quote", "--seed", "-1"])
        #expect(seed.status == 2)
        #expect(seed.stderr.contains("The value '-1' is invalid for '--seed <seed>'"), "\(seed.stderr)")
        #expect(!seed.stderr.contains("Missing value"))
        let scratch = try Self.folder(["deep.yaml": "a: " + String(repeating: "[", count: 2000) + "\n"])
        defer { scratch.remove() }
        let (validate, _) = try Self.run(["validate", "--scenarios", scratch.path])
        #expect(validate.stdout.contains("error[DJ0004]: the YAML is nested too deeply"), "\(validate.stdout)")
        #expect(!validate.stdout.contains("yaml_set_max_nest_level"))
    }
}
