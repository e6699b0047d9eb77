import DojoKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The REPL's rough edges, on a real terminal: resize, colour widths, /why indents.
@Suite("dojo play: terminal layout", .serialized)
struct ReplTerminalLayoutTests {
    func start(_ id: String = "customer-a-lowest-quote", columns: UInt16 = 100) throws -> (PseudoTerminal, ScratchFolder) {
        let scratch = try ScratchFolder()
        let terminal = try PseudoTerminal(
            arguments: ["play", id, "--seed", "1", "--transcript", scratch.path + "/t.jsonl"],
            environment: ["XDG_STATE_HOME": scratch.path + "/state", "XDG_DATA_HOME": scratch.path + "/data"], columns: columns)
        #expect(terminal.waitFor("> "), "no prompt: \(terminal.text)")
        return (terminal, scratch)
    }

    /// Plain output lines after byte offset `mark`.
    func lines(_ t: PseudoTerminal, after mark: Int) -> [String] {
        PseudoTerminal.plain(String(decoding: t.output.suffix(from: mark), as: UTF8.self))
            .replacingOccurrences(of: "\r", with: "").components(separatedBy: "\n")
    }

    @Test("a resized terminal re-wraps what is shown next (SIGWINCH)")
    func resize() throws {
        let (t, scratch) = try start(columns: 100)
        defer { scratch.remove() }
        t.type("/tactics\r")
        #expect(t.waitFor("new-product"))
        #expect(t.waitFor("\n> ", after: t.output.count - 200))
        let wide = lines(t, after: 0).map { DisplayWidth.of($0) }.max() ?? 0
        #expect(wide > 60, "at 100 columns some line is wider than 60")
        t.resize(rows: 40, columns: 50)
        // Nothing on screen shows that SIGWINCH was handled: give the signal a moment to arrive.
        usleep(200_000)
        let mark = t.output.count
        t.type("/tactics\r")
        #expect(t.waitFor("new-product", after: mark))
        #expect(t.waitFor("\n> ", after: mark))
        let after = lines(t, after: mark).filter { !$0.contains("/tactics") }
        let widest = after.map { DisplayWidth.of($0) }.max() ?? 0
        #expect(widest <= 50, "after the resize lines must fit 50 columns: \(after.filter { DisplayWidth.of($0) > 50 })")
        #expect(widest > 35, "the wrap uses the new width")
        t.type("/quit\r")
        #expect(t.waitForExit() == 0)
    }

    @Test("colour escapes take no width: a buyer line's continuation lines up under the text")
    func colourWidth() throws {
        let (t, scratch) = try start(columns: 60)
        defer { scratch.remove() }
        #expect(t.text.contains("\u{1B}["), "colours are on")
        let all = lines(t, after: 0)
        let first = try #require(all.firstIndex { $0.hasPrefix("王建国: ") }, "\(all)")
        let continuation = all[first + 1]
        // "王建国: " is 8 columns wide.
        #expect(continuation.hasPrefix(String(repeating: " ", count: 8)), "\(continuation)")
        #expect(!continuation.hasPrefix(String(repeating: " ", count: 9)), "indent too wide: \(continuation)")
        t.type("/quit\r")
        #expect(t.waitForExit() == 0)
    }

    @Test("/why keeps its indent on a terminal")
    func whyIndent() throws {
        let (t, scratch) = try start(columns: 80)
        defer { scratch.remove() }
        #expect(t.afterNextPrompt("\n> ") { t.type("每年为您节约20万元，报价直接发您邮箱。\r") })
        #expect(t.text.contains("得分"))
        let mark = t.output.count
        t.type("/why\r")
        #expect(t.waitFor("示范回答", after: mark))
        let bars = lines(t, after: mark).filter { $0.contains("█") || $0.contains("░") }
        #expect(!bars.isEmpty)
        for line in bars { #expect(line.hasPrefix("  "), "\(line)") }
        t.type("/quit\r")
        #expect(t.waitForExit() == 0)
    }
}

/// The REPL's rough edges from a pipe, and the commands' help and usage errors.
@Suite("dojo play and friends: rough edges")
struct ReplEdgeTests {
    @Test("after /rewind the scorecard numbers the turns 1…n")
    func rewindNumbers() throws {
        let (output, _) = try PlayPipedTests.play("customer-a-lowest-quote", replies: ["好的。", "/rewind", "每年为您节约20万元，报价直接发您邮箱。", "按光管单价比，五万支能省四万元。", "/quit"])
        let perTurn = output.stdout.components(separatedBy: "\n").drop { !$0.hasPrefix("每轮得分") }.dropFirst().prefix(2)
        #expect(perTurn.map { $0.trimmingCharacters(in: .whitespaces).prefix(2) } == ["1 ", "2 "], "\(output.stdout)")
    }

    @Test("/why shows each model answer once")
    func whyOnce() throws {
        let (output, _) = try PlayPipedTests.play("customer-a-lowest-quote", replies: ["好的，我们考虑一下。", "/why", "/quit"])
        let answer = try #require(PlayPipedTests.library.scenario("customer-a-lowest-quote")?.turn("opening")?.modelAnswer)
        let why = output.stdout.components(separatedBy: "══ 成绩单 ══").first ?? ""
        #expect(why.components(separatedBy: answer).count == 2, "\(why)")
    }

    @Test("English: dojo show --lang en and the pipe's notices speak English")
    func interfaceLanguage() throws {
        let show = try DojoBinary.run(["show", "customer-a-lowest-quote", "--lang", "en"])
        #expect(show.stdout.contains("Transactional selling"))
        #expect(!show.stdout.contains("交易型销售"), "\(show.stdout)")
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let play = try DojoBinary.run(["play", "customer-a-lowest-quote-en", "--seed", "1", "--transcript", scratch.path + "/t.jsonl"],
                                      input: Data([0xFF, 0x0A]) + Data("OK.\n".utf8))
        #expect(play.stderr.contains("line 1: not valid UTF-8 text; skipped."), "\(play.stderr)")
        #expect(!play.stderr.contains("不是有效"))
        #expect(!(play.stdout + play.stderr).contains("交易型"))
    }

    @Test("/restart asks first when replies would be lost; no keeps the dialogue, yes starts over")
    func restartConfirmation() throws {
        let (kept, _) = try PlayPipedTests.play("customer-a-lowest-quote-en", replies: ["We save you CNY 60,000 on this order.", "/restart", "n", "/quit"])
        #expect(kept.stdout.contains("Starting over discards your 1 replies so far. Are you sure? (y/N)"), "\(kept.stdout)")
        #expect(kept.stdout.contains("Carrying on with this dialogue."))
        #expect(!kept.stdout.contains("Starting over ——"))
        let (restarted, _) = try PlayPipedTests.play("customer-a-lowest-quote-en", replies: ["We save you CNY 60,000 on this order.", "/restart", "y", "/quit"])
        #expect(restarted.stdout.contains("—— Starting over ——"), "\(restarted.stdout)")
        let (fresh, _) = try PlayPipedTests.play("customer-a-lowest-quote-en", replies: ["/restart", "/quit"])
        #expect(!fresh.stdout.contains("Are you sure?"), "nothing to lose, nothing to ask")
        #expect(fresh.stdout.contains("—— Starting over ——"))
    }

    @Test("dojo grade --expect with an unknown tactic is a usage error naming the valid ids")
    func gradeExpect() throws {
        let result = try DojoBinary.run(["grade", "--type", "intrinsic", "--expect", "not-a-tactic", "hello"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown tactic `not-a-tactic`"), "\(result.stderr)")
        #expect(result.stderr.contains("price-angle") && result.stderr.contains("walk-away"))
        let near = try DojoBinary.run(["grade", "--type", "intrinsic", "--avoid", "walkaway", "hello"])
        #expect(near.status == 2)
        #expect(near.stderr.contains("Did you mean `walk-away`?"), "\(near.stderr)")
    }

    @Test("drill --count: the default is shown once; a negative count says what is wrong")
    func drillCount() throws {
        let help = try DojoBinary.run(["drill", "--help"], environment: ["COLUMNS": "100"])
        let line = try #require(help.stdout.components(separatedBy: "\n").first { $0.contains("--count <count>") && $0.contains("default") })
        #expect(line.components(separatedBy: "default").count == 2, "\(line)")
        let negative = try DojoBinary.run(["drill", "--count", "-3"])
        #expect(negative.status == 2)
        #expect(negative.stderr.contains("--count must be at least 1 (got -3)"), "\(negative.stderr)")
    }

    @Test("help paragraphs wrap cleanly: no short line in the middle of a paragraph",
          arguments: [["--help"], ["play", "--help"], ["drill", "--help"], ["grade", "--help"], ["validate", "--help"]])
    func helpWrapping(_ arguments: [String]) throws {
        let help = try DojoBinary.run(arguments, environment: ["COLUMNS": "80"])
        let discussion = help.stdout.components(separatedBy: "\nUSAGE:").first ?? ""
        let lines = discussion.components(separatedBy: "\n")
        for (index, line) in lines.enumerated().dropLast() where !line.isEmpty && !lines[index + 1].isEmpty {
            // A line followed by more of its paragraph was filled to near the width.
            #expect(DisplayWidth.of(line) >= 55, "a hard line break in \(arguments): \"\(line)\"")
        }
    }
}
