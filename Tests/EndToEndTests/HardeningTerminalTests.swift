import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Hardening regressions that need a real terminal: signals and the line-editing history file.
@Suite("hardening under a pseudo-terminal", .serialized)
struct HardeningTerminalTests {
    func start(state: String, data: String, transcript: String) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            arguments: ["play", "customer-a-lowest-quote", "--seed", "1", "--transcript", transcript],
            environment: ["XDG_STATE_HOME": state, "XDG_DATA_HOME": data])
        #expect(terminal.waitFor("> "), "no prompt: \(terminal.text)")
        return terminal
    }

    @Test("SIGHUP ends the session cleanly with status 129 (128 + SIGHUP), not 143")
    func sighup() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let t = try start(state: scratch.path + "/state", data: scratch.path + "/data", transcript: scratch.path + "/t.jsonl")
        kill(t.pid, SIGHUP)
        #expect(t.waitFor("成绩单"), "\(t.text)")
        #expect(t.waitForExit() == 129)
        let transcript = try String(contentsOfFile: scratch.path + "/t.jsonl", encoding: .utf8)
        #expect(transcript.contains("\"event\":\"end\""))
    }

    @Test("Ctrl-C: `abc^C` then `def^C` cancels two lines; only a second Ctrl-C on an empty line ends")
    func ctrlCOnlyEndsOnEmptyLine() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let t = try start(state: scratch.path + "/state", data: scratch.path + "/data", transcript: scratch.path + "/t.jsonl")
        #expect(t.typeEchoed("abc"))
        var mark = t.output.count
        #expect(t.afterNextPrompt { t.type("\u{03}") })
        #expect(t.waitFor("已取消这一行", after: mark), "\(t.text)")
        mark = t.output.count
        #expect(t.typeEchoed("def"))
        #expect(t.afterNextPrompt { t.type("\u{03}") })
        #expect(t.waitFor("已取消这一行", after: mark), "\(t.text)")
        mark = t.output.count
        #expect(!t.text.contains("成绩单"), "a Ctrl-C on a line with text ended the session")
        #expect(t.settle())
        mark = t.output.count
        t.type("\u{03}")
        #expect(t.waitFor("成绩单", after: mark), "\(t.text)")
        #expect(t.waitForExit() == 0)
        let transcript = try String(contentsOfFile: scratch.path + "/t.jsonl", encoding: .utf8)
        #expect(!transcript.contains("abc") && !transcript.contains("def"))
    }

    @Test("a full disk mid-session on a terminal: it says so and asks; `y` plays on without the record, the end says it is incomplete")
    func fullDiskInteractive() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let path = scratch.path + "/t.jsonl"
        let t = try start(state: scratch.path + "/state", data: scratch.path + "/data", transcript: path)
        // From now on the session's writes fail as on a full disk (EFBIG instead of ENOSPC).
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let prlimit = Process()  // util-linux, part of every Debian
        prlimit.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        prlimit.arguments = ["--pid", String(t.pid), "--fsize=\(size):\(size)"]
        try prlimit.run()
        prlimit.waitUntilExit()
        #expect(prlimit.terminationStatus == 0)
        t.type("每年为您节约20万元，报价直接发您邮箱。\r")
        #expect(t.waitFor("这次练习的记录到此为止"), "\(t.text)")
        #expect(t.waitFor("y/N> "))
        t.type("y\r")
        var mark = t.output.count
        #expect(t.waitFor("> ", after: mark))
        #expect(t.afterNextPrompt("\n> ") { t.type("五万支走批量价，每支再低五毛。\r") })
        #expect(t.waitFor("得分", after: mark), "\(t.text)")
        mark = t.output.count
        t.type("/quit\r")
        #expect(t.waitFor("记录不完整", after: mark), "\(t.text)")
        #expect(t.waitForExit() == 1)
        let transcript = try String(contentsOfFile: path, encoding: .utf8)
        #expect(transcript.hasPrefix("{\"event\":\"start\""))
    }

    @Test("a history path that is a symbolic link is refused: the target is untouched and keeps its mode")
    func historySymlink() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let victim = try scratch.write("victim.txt", "precious\n")
        chmod(victim, 0o644)
        try FileManager.default.createDirectory(atPath: scratch.path + "/state/salesdojo", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/state/salesdojo/history", withDestinationPath: victim)
        let t = try start(state: scratch.path + "/state", data: scratch.path + "/data", transcript: scratch.path + "/t.jsonl")
        #expect(t.text.contains("not using the history file"), "\(t.text)")
        #expect(t.text.contains("it is a symbolic link"))
        t.type("/tactics\r")
        #expect(t.waitFor("从价格打开缺口"))
        t.type("/quit\r")
        #expect(t.waitForExit() == 0)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        let mode = (try FileManager.default.attributesOfItem(atPath: victim)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o644)
    }

    @Test("a history file owned by someone else is refused; a new history folder is created 0700 and the file 0600")
    func historyOwnershipAndModes() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        // A fresh state folder: created 0700, history written 0600.
        var t = try start(state: scratch.path + "/fresh", data: scratch.path + "/data", transcript: scratch.path + "/a.jsonl")
        #expect(t.afterNextPrompt("\n> ") { t.type("/score\r") })
        t.type("/quit\r")
        #expect(t.waitForExit() == 0)
        let folderMode = (try FileManager.default.attributesOfItem(atPath: scratch.path + "/fresh/salesdojo")[.posixPermissions] as? Int) ?? 0
        let fileMode = (try FileManager.default.attributesOfItem(atPath: scratch.path + "/fresh/salesdojo/history")[.posixPermissions] as? Int) ?? 0
        #expect(folderMode == 0o700)
        #expect(fileMode == 0o600)
        // Someone else's file (only root can make one here; others skip this half).
        guard geteuid() == 0 else { return }
        let foreign = scratch.path + "/fresh/salesdojo/history"
        #expect(chown(foreign, 65534, 65534) == 0)
        let before = try String(contentsOfFile: foreign, encoding: .utf8)
        t = try start(state: scratch.path + "/fresh", data: scratch.path + "/data", transcript: scratch.path + "/b.jsonl")
        #expect(t.text.contains("it belongs to another user"), "\(t.text)")
        #expect(t.afterNextPrompt("\n> ") { t.type("/tactics\r") })
        t.type("/quit\r")
        #expect(t.waitForExit() == 0)
        #expect(try String(contentsOfFile: foreign, encoding: .utf8) == before)
    }
}
