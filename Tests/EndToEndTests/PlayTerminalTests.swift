import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `dojo play` under a real pseudo-terminal: libedit line editing, Chinese input, completion,
/// history, Ctrl-C, Ctrl-D and SIGTERM, as a person at a keyboard would use them.
@Suite("dojo play under a pseudo-terminal", .serialized)
struct PlayTerminalTests {
    func start(_ extra: [String] = []) throws -> (PseudoTerminal, ScratchFolder) {
        let scratch = try ScratchFolder()
        let terminal = try PseudoTerminal(
            arguments: ["play", "customer-a-lowest-quote", "--seed", "1", "--transcript", scratch.path + "/t.jsonl"] + extra,
            environment: ["XDG_STATE_HOME": scratch.path + "/state", "XDG_DATA_HOME": scratch.path + "/data"])
        #expect(terminal.waitFor("> "), "no prompt: \(terminal.text)")
        return (terminal, scratch)
    }

    @Test("Chinese reply is scored; Backspace edits Chinese; Ctrl-D ends with the scorecard")
    func chineseAndCtrlD() throws {
        let (t, scratch) = try start()
        defer { scratch.remove() }
        // Type a wrong character, erase it with Backspace (DEL), then finish the reply.
        t.type("每年为您节约X")
        t.type("\u{7F}")
        t.type("20万元，报价直接发您邮箱。\r")
        #expect(t.waitFor("得分"), "\(t.text)")
        #expect(t.waitFor("price-angle"))
        #expect(t.waitFor("\n> "))
        let mark = t.output.count
        // Ctrl-D only once the prompt after /why is up (the line editor reads again).
        #expect(t.afterNextPrompt("\n> ") { t.type("/why\r") })
        #expect(t.waitFor("你的回答：每年为您节约20万元，报价直接发您邮箱。", after: mark), "\(t.text)")
        #expect(t.settle())
        t.type("\u{04}")
        #expect(t.waitFor("成绩单"), "\(t.text)")
        #expect(t.waitForExit() == 0)
        let transcript = try String(contentsOfFile: scratch.path + "/t.jsonl", encoding: .utf8)
        #expect(transcript.contains("\"text\":\"每年为您节约20万元，报价直接发您邮箱。\""))
        #expect(transcript.contains("\"event\":\"end\""))
    }

    @Test("Tab completes slash commands")
    func tabCompletion() throws {
        let (t, scratch) = try start()
        defer { scratch.remove() }
        #expect(t.typeEchoed("/hi"), "\(t.text)")
        let mark = t.output.count
        t.type("\t")
        // libedit redraws the line and writes the completed rest of the word.
        #expect(t.waitFor("nt", after: mark), "Tab did not complete: \(t.text)")
        t.type("\r")
        #expect(t.waitFor("提示（-3 分）"), "\(t.text)")
        t.type("/quit\r")
        #expect(t.waitFor("成绩单"))
        #expect(t.waitForExit() == 0)
    }

    @Test("history: Up recalls the previous line")
    func history() throws {
        let (t, scratch) = try start()
        defer { scratch.remove() }
        #expect(t.afterNextPrompt("\n> ") { t.type("/tactics\r") })
        #expect(t.text.contains("从价格打开缺口"))
        let mark = t.output.count
        t.type("\u{1B}[A\r")  // Up, Enter: runs /tactics again
        #expect(t.waitFor("从价格打开缺口", after: mark), "\(t.text)")
        t.type("/quit\r")
        #expect(t.waitForExit() == 0)
        let history = try String(contentsOfFile: scratch.path + "/state/salesdojo/history", encoding: .utf8)
        #expect(history.contains("/tactics"))
    }

    @Test("Ctrl-C cancels the line; a second Ctrl-C on an empty line ends")
    func ctrlC() throws {
        let (t, scratch) = try start()
        defer { scratch.remove() }
        // The key only once the line editor has taken the text in (its echo), as a person would see it.
        #expect(t.typeEchoed("这句话不要了"), "\(t.text)")
        #expect(t.afterNextPrompt { t.type("\u{03}") })
        #expect(t.text.contains("已取消这一行"), "\(t.text)")
        #expect(t.settle())
        t.type("\u{03}")
        #expect(t.waitFor("成绩单"))
        #expect(t.waitForExit() == 0)
        let transcript = try String(contentsOfFile: scratch.path + "/t.jsonl", encoding: .utf8)
        #expect(!transcript.contains("这句话不要了"))
    }

    @Test("SIGTERM ends the session cleanly: scorecard, transcript end event, status 143")
    func sigterm() throws {
        let (t, scratch) = try start()
        defer { scratch.remove() }
        t.type("每年为您节约20万元。\r")
        #expect(t.waitFor("得分"))
        #expect(t.waitFor("> ", after: t.output.count - 4))
        kill(t.pid, SIGTERM)
        #expect(t.waitFor("成绩单"), "\(t.text)")
        #expect(t.waitForExit() == 143)
        let transcript = try String(contentsOfFile: scratch.path + "/t.jsonl", encoding: .utf8)
        #expect(transcript.contains("\"event\":\"end\""))
    }
}
