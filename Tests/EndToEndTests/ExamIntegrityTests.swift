import DojoKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// An exam cannot be passed without finishing it: every way of leaving early is "not finished", the
/// type question asks again until it gets a type, and the exit status tells a script what happened.
@Suite("dojo play --mode exam: integrity")
struct ExamIntegrityTests {
    static let oneGoodReply = "No visit needed: I will email our quote today, and it will save you $200,000 a year on 50,000 tubes."

    /// The end event of a transcript, as the JSON on disk (the transcript must read back too).
    static func endEvent(_ transcript: String) throws -> JSONValue {
        let parsed = try Transcript.parse(Array(transcript.utf8))
        #expect(parsed.records.last?.kind == "end")
        let line = try #require(transcript.split(separator: "\n").last { $0.hasPrefix("{\"event\":\"end\"") })
        return try JSONValue.parse(Array(line.utf8))
    }

    static func exam(_ id: String, _ replies: [String], extra: [String] = []) throws -> (DojoBinary.Output, String) {
        try PlayPipedTests.play(id, replies: replies, extra: ["--mode", "exam"] + extra)
    }

    @Test("one good reply then end of input: not finished, not passed, status 4, transcript says why")
    func endOfInputAfterOneTurn() throws {
        let (output, transcript) = try Self.exam("customer-a-lowest-quote-en", ["1", Self.oneGoodReply])
        #expect(output.status == 4, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("Outcome: not finished"))
        #expect(output.stdout.contains("Exam not passed: not finished"), "\(output.stdout)")
        #expect(!output.stdout.contains("Exam passed"))
        let end = try Self.endEvent(transcript)
        #expect(end["scorecard"]?["passed"] == .bool(false))
        #expect(end["scorecard"]?["reason"]?.stringValue == "not-finished")
    }

    @Test("every typed way of quitting after one turn is not finished", arguments: ["/quit", "/exit"])
    func typedQuit(_ command: String) throws {
        let (output, transcript) = try Self.exam("customer-a-lowest-quote", ["1", "按五万支算，每年能为贵公司节约 20 万元，报价今天发您邮箱。", command, "这一句不会被读到。"])
        #expect(output.status == 4)
        #expect(output.stdout.contains("考试未通过：没有完成"), "\(output.stdout)")
        #expect(try Self.endEvent(transcript)["scorecard"]?["reason"]?.stringValue == "not-finished")
        #expect(!transcript.contains("这一句不会被读到"))
    }

    @Test("quitting before the type question is answered is not finished either")
    func quitBeforeType() throws {
        let (output, transcript) = try Self.exam("customer-a-lowest-quote-en", ["/quit"])
        #expect(output.status == 4)
        #expect(try Self.endEvent(transcript)["scorecard"]?["passed"] == .bool(false))
    }

    @Test("the type question asks again on anything that is not a type, and accepts sentences")
    func typeQuestionAsksAgain() throws {
        let (output, transcript) = try Self.exam("customer-a-lowest-quote-en", ["4", "no idea", "i think intrinsic", Self.oneGoodReply])
        #expect(output.stdout.components(separatedBy: "That does not name one type").count == 3, "\(output.stdout)")
        #expect(!output.stdout.contains("counted as wrong"))
        let parsed = try Transcript.parse(Array(transcript.utf8))
        let guesses = parsed.records.compactMap { if case let .typeGuess(g) = $0 { g } else { nil } }
        #expect(guesses.count == 1)
        #expect(guesses.first?.answer == "i think intrinsic")
        #expect(guesses.first?.correct == true)
        // The line after the type answer is the opening reply, not another guess.
        #expect(parsed.replies.map(\.text) == [Self.oneGoodReply])
        let (zh, zhTranscript) = try Self.exam("customer-a-lowest-quote", ["我不知道", "我觉得是内在价值型"])
        #expect(zh.stdout.contains("没有认出是哪一种类型"))
        #expect(zhTranscript.contains("\"answer\":\"我觉得是内在价值型\",\"guess\":\"intrinsic\",\"correct\":true"))
    }

    @Test("a finished exam: 0 when passed, 3 when below the pass mark")
    func finishedExamStatus() throws {
        let strong = PlayPipedTests.strongReplies("customer-a-lowest-quote-en")
        let (passed, passedTranscript) = try Self.exam("customer-a-lowest-quote-en", ["1"] + strong)
        #expect(passed.status == 0, "\(passed.stdout)")
        #expect(passed.stdout.contains("Exam passed"))
        #expect(try Self.endEvent(passedTranscript)["scorecard"]?["reason"]?.stringValue == "passed")
        // Strong answers with a wrong type and a pass mark of 95: finished, but failed.
        let (failed, failedTranscript) = try Self.exam("customer-a-lowest-quote-en", ["3"] + strong, extra: ["--pass", "95"])
        #expect(failed.status == 3, "\(failed.stdout)")
        #expect(failed.stdout.contains("Exam failed (pass mark 95)"))
        let end = try Self.endEvent(failedTranscript)
        #expect(end["scorecard"]?["passed"] == .bool(false))
        #expect(end["scorecard"]?["reason"]?.stringValue == "below-pass-mark")
    }

    @Test("the buyer leaving early is not finished, even with a pass mark of 0")
    func buyerLeft() throws {
        let team = "Our project team and service engineers will visit to design a full solution with installation and maintenance."
        let (output, transcript) = try Self.exam("customer-a-lowest-quote-en", ["1", team, team, team], extra: ["--pass", "0"])
        #expect(output.status == 4, "\(output.stdout)")
        #expect(output.stdout.contains("Exam not passed: the buyer left before the end"), "\(output.stdout)")
        #expect(try Self.endEvent(transcript)["scorecard"]?["reason"]?.stringValue == "buyer-left")
    }

    @Test("--time-limit: bad values and practice mode are usage errors")
    func timeLimitUsage() throws {
        let bad = try DojoBinary.run(["play", "customer-a-lowest-quote", "--mode", "exam", "--time-limit", "soon"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--time-limit"))
        let practice = try DojoBinary.run(["play", "customer-a-lowest-quote", "--time-limit", "20m"])
        #expect(practice.status == 2)
        #expect(practice.stderr.contains("--time-limit applies to exams"))
    }

    @Test("practice ends with 0 however it ends")
    func practiceStatus() throws {
        let (output, _) = try PlayPipedTests.play("customer-a-lowest-quote", replies: ["每年为您节约20万元。"])
        #expect(output.status == 0)
    }
}

/// The exam's quitting paths and time limit on a real terminal.
@Suite("dojo play --mode exam under a pseudo-terminal", .serialized)
struct ExamTerminalTests {
    func start(_ extra: [String] = []) throws -> (PseudoTerminal, ScratchFolder) {
        let scratch = try ScratchFolder()
        let terminal = try PseudoTerminal(
            arguments: ["play", "customer-a-lowest-quote-en", "--seed", "1", "--mode", "exam", "--transcript", scratch.path + "/t.jsonl"] + extra,
            environment: ["XDG_STATE_HOME": scratch.path + "/state", "XDG_DATA_HOME": scratch.path + "/data"])
        #expect(terminal.waitFor("type> "), "no prompt: \(terminal.text)")
        return (terminal, scratch)
    }

    func answerOneTurn(_ t: PseudoTerminal) {
        t.type("1\r")
        #expect(t.waitFor("Noted"), "\(t.text)")
        // The reply only once its prompt is up (typed ahead, it lands before the line editor is ready), and the
        // next key only once the prompt after the reply is up (the echo of the reply ends with "> " too).
        #expect(t.waitFor("\n> "), "\(t.text)")
        #expect(t.afterNextPrompt("\n> ") { t.type(ExamIntegrityTests.oneGoodReply + "\r") }, "\(t.text)")
    }

    func expectNotFinished(_ t: PseudoTerminal, _ scratch: ScratchFolder, reason: String = "not-finished", replies: Bool = true) throws {
        #expect(t.waitFor("Scorecard"), "\(t.text)")
        if replies {
            // After the scorecard the rep may flag a score; Enter declines.
            #expect(t.waitFor("flag> "), "\(t.text)")
            t.type("\r")
        }
        #expect(t.waitForExit() == 4)
        #expect(t.text.contains("flag> ") == replies, "a flag prompt only when there is a reply to flag")
        #expect(!t.text.contains("Exam passed"))
        let transcript = try String(contentsOfFile: scratch.path + "/t.jsonl", encoding: .utf8)
        let end = try ExamIntegrityTests.endEvent(transcript)
        #expect(end["scorecard"]?["passed"] == .bool(false))
        #expect(end["scorecard"]?["reason"]?.stringValue == reason)
    }

    @Test("Ctrl-C twice after one turn: not finished")
    func ctrlCTwice() throws {
        let (t, scratch) = try start()
        defer { scratch.remove() }
        answerOneTurn(t)
        #expect(t.settle())
        let mark = t.output.count
        #expect(t.afterNextPrompt { t.type("\u{03}") })
        #expect(t.waitFor("line cancelled", after: mark), "\(t.text)")
        #expect(t.settle())
        t.type("\u{03}")
        try expectNotFinished(t, scratch)
    }

    @Test("Ctrl-D after one turn: not finished")
    func ctrlD() throws {
        let (t, scratch) = try start()
        defer { scratch.remove() }
        answerOneTurn(t)
        #expect(t.settle())
        t.type("\u{04}")
        try expectNotFinished(t, scratch)
    }

    @Test("/quit after one turn: not finished")
    func quit() throws {
        let (t, scratch) = try start()
        defer { scratch.remove() }
        answerOneTurn(t)
        t.type("/quit\r")
        try expectNotFinished(t, scratch)
    }

    @Test("after the exam's scorecard, `f N note` flags reply N with the same flag record as /flag; dojo flags lists it")
    func flagAfterScorecard() throws {
        let (t, scratch) = try start()
        defer { scratch.remove() }
        answerOneTurn(t)
        let second = "Fine, send me the spec sheet."
        #expect(t.afterNextPrompt("\n> ") { t.type(second + "\r") }, "\(t.text)")
        #expect(t.settle())
        t.type("\u{04}")
        #expect(t.waitFor("Scorecard"), "\(t.text)")
        #expect(t.waitFor("flag> "), "\(t.text)")
        #expect(t.text.contains("Disagree with a score? Type f, the reply's number (1–2)"), "\(t.text)")
        var mark = t.output.count
        #expect(t.afterNextPrompt("flag> ") { t.type("f 3 nothing\r") })
        #expect(t.waitFor("There is no reply 3; the scorecard numbers them 1–2.", after: mark), "\(t.text)")
        mark = t.output.count
        #expect(t.afterNextPrompt("flag> ") { t.type("f 1 the saving was quantified\r") })
        #expect(t.waitFor("Flagged the score of reply 1", after: mark), "\(t.text)")
        t.type("\r")
        #expect(t.waitForExit() == 4)
        let transcript = try String(contentsOfFile: scratch.path + "/t.jsonl", encoding: .utf8)
        let records = try transcript.split(separator: "\n").map { try JSONValue.parse(Array($0.utf8)) }
        let flags = records.filter { $0["event"]?.stringValue == "flag" }
        #expect(flags.count == 1)
        #expect(flags.first?["n"] == .number(1))
        #expect(flags.first?["note"]?.stringValue == "the saving was quantified")
        #expect(flags.first?["text"]?.stringValue == ExamIntegrityTests.oneGoodReply)
        #expect(flags.first?["assessment"]?["score"] != nil)
        // An instructor sees it with `dojo flags`, as a flag raised with /flag in practice.
        let listed = try DojoBinary.run(["flags", scratch.path + "/t.jsonl"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("the saving was quantified"), "\(listed.stdout)")
    }

    @Test("--time-limit: the prompt counts down; a reply after the limit is not scored and the exam is not passed")
    func timeLimit() throws {
        let (t, scratch) = try start(["--time-limit", "2s"])
        defer { scratch.remove() }
        #expect(t.text.contains("time limit 2s"), "\(t.text)")
        #expect(t.text.contains("[0:02] type> ") || t.text.contains("[0:01] type> "), "\(t.text)")
        t.type("1\r")
        #expect(t.waitFor("Noted"))
        usleep(2_300_000)
        t.type(ExamIntegrityTests.oneGoodReply + "\r")
        #expect(t.waitFor("Time is up"), "\(t.text)")
        try expectNotFinished(t, scratch, reason: "time-up", replies: false)
        let transcript = try String(contentsOfFile: scratch.path + "/t.jsonl", encoding: .utf8)
        #expect(!transcript.contains("\"event\":\"reply\""))
    }
}
