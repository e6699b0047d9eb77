import DojoKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The store through the real binary: sessions recorded by play and drill, import (idempotent,
/// skipping foreign files, --rebuild), progress, history, tracks and `next`, a damaged store, and a
/// kill -9 during import.
@Suite("progress store, end to end")
struct ProgressCommandTests {
    static let strong = "每年为您节约20万元，报价直接发您邮箱。\n"
    static let weak = "我们的团队很专业。\n"

    @discardableResult
    static func play(_ folder: String, _ name: String, seed: Int, replies: String, db: String? = nil,
                     scenario: String = "customer-a-lowest-quote", extra: [String] = []) throws -> DojoBinary.Output {
        let out = try DojoBinary.run(["play", scenario, "--seed", "\(seed)", "--trainee", "wang", "--transcript", folder + "/" + name,
                                      "--db", db ?? folder + "/p.sqlite"] + extra, input: Data((replies + "/quit\n").utf8))
        #expect(out.status == 0, "\(out.stderr)")
        return out
    }

    @Test("play records into the store; progress, history; import twice changes nothing; --rebuild gives the same figures")
    func recordImportRebuild() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let db = scratch.path + "/p.sqlite"
        try Self.play(scratch.path + "/class", "a.jsonl", seed: 1, replies: Self.strong + Self.weak, db: db)
        try Self.play(scratch.path + "/class", "b.jsonl", seed: 2, replies: Self.weak + Self.weak, db: db)
        let progress = try DojoBinary.run(["progress", "--trainee", "wang", "--db", db, "--lang", "en"])
        #expect(progress.status == 0, "\(progress.stderr)")
        #expect(progress.stdout.contains("Sessions: 2 role-plays, 0 drills"), "\(progress.stdout)")
        #expect(progress.stdout.contains("Weakest tactics"))
        #expect(progress.stdout.contains("Your reply: “我们的团队很专业。”"))
        let history = try DojoBinary.run(["history", "--trainee", "wang", "--db", db])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.components(separatedBy: "customer-a-lowest-quote  practice").count == 3, "\(history.stdout)")
        #expect(history.stdout.contains("Score trend"))
        let again = try DojoBinary.run(["import", scratch.path + "/class", "--db", db])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("0 added, 0 updated, 2 already there; 0 skipped."), "\(again.stdout)")
        let rebuilt = try DojoBinary.run(["import", "--rebuild", scratch.path + "/class", "--db", db])
        #expect(rebuilt.stdout.contains("2 added"), "\(rebuilt.stdout)")
        let after = try DojoBinary.run(["progress", "--trainee", "wang", "--db", db, "--lang", "en"])
        #expect(after.stdout == progress.stdout, "rebuilding from transcripts gives the same figures")
        // A fresh store from the same transcripts agrees too.
        let fresh = try DojoBinary.run(["import", scratch.path + "/class", "--db", scratch.path + "/fresh.sqlite"])
        #expect(fresh.status == 0)
        let fromFresh = try DojoBinary.run(["progress", "--trainee", "wang", "--db", scratch.path + "/fresh.sqlite", "--lang", "en"])
        #expect(fromFresh.stdout == progress.stdout)
    }

    @Test("a corrupted or foreign file is reported and skipped; the rest is imported")
    func foreignFiles() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        try Self.play(scratch.path, "good.jsonl", seed: 1, replies: Self.strong, db: scratch.path + "/other.sqlite")
        try scratch.write("notes.jsonl", "{\"hello\":\"world\"}\n")
        try scratch.write("damaged.jsonl", "{\"event\":\"start\",\"scenario\":\"x\"}\n{oops\n{\"event\":\"end\"}\n")
        try scratch.write("foreign.jsonl", "{\"event\":\"something\",\"n\":1}\n")
        let out = try DojoBinary.run(["import", scratch.path, "--db", scratch.path + "/p.sqlite"])
        #expect(out.status == 1)
        #expect(out.stdout.contains("1 added, 0 updated, 0 already there; 3 skipped."), "\(out.stdout)")
        #expect(out.stderr.contains("damaged.jsonl': damaged at line 2"), "\(out.stderr)")
        #expect(out.stderr.contains("notes.jsonl'"))
        #expect(out.stderr.contains("foreign.jsonl': it is not a dojo transcript"), "\(out.stderr)")
    }

    @Test("a corrupted store: commands say so, and play still keeps the transcript")
    func corruptedStore() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let db = try scratch.write("p.sqlite", String(repeating: "garbage ", count: 1000))
        let progress = try DojoBinary.run(["progress", "--db", db])
        #expect(progress.status == 1)
        #expect(progress.stderr.contains("is damaged or is not a dojo store"), "\(progress.stderr)")
        #expect(progress.stderr.contains("dojo import --rebuild"))
        let play = try Self.play(scratch.path, "t.jsonl", seed: 1, replies: Self.strong, db: db)
        #expect(play.stderr.contains("the session was not added to the progress store"), "\(play.stderr)")
        #expect(play.stderr.contains("The transcript is safe at"))
        let transcript = try Transcript.parse(Array(try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/t.jsonl"))))
        #expect(transcript.records.last?.kind == "end")
        let missing = try DojoBinary.run(["history", "--db", scratch.path + "/none.sqlite"])
        #expect(missing.stderr.contains("There is no progress store at"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/none.sqlite"))
    }

    @Test("two imports into one store at the same time (WAL) both land")
    func concurrentImports() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let source = scratch.path + "/one.jsonl"
        try Self.play(scratch.path, "one.jsonl", seed: 1, replies: Self.strong, db: scratch.path + "/x.sqlite")
        let text = try String(contentsOfFile: source, encoding: .utf8)
        for folder in ["a", "b"] {
            for i in 0..<150 {
                try scratch.write("\(folder)/\(i).jsonl", text.replacingOccurrences(of: "\"trainee\":\"wang\"", with: "\"trainee\":\"\(folder)\(i)\""))
            }
        }
        let db = scratch.path + "/p.sqlite"
        let group = DispatchGroup()
        nonisolated(unsafe) var outputs: [DojoBinary.Output?] = [nil, nil]
        for (i, folder) in ["a", "b"].enumerated() {
            group.enter()
            DispatchQueue.global().async {
                outputs[i] = try? DojoBinary.run(["import", scratch.path + "/" + folder, "--db", db])
                group.leave()
            }
        }
        group.wait()
        for out in outputs { #expect(out?.status == 0, "\(out?.stderr ?? "")") }
        let trainees = try DojoBinary.run(["import", scratch.path + "/a", scratch.path + "/b", "--db", db])
        #expect(trainees.stdout.contains("0 added, 0 updated, 300 already there"), "\(trainees.stdout)")
    }

    @Test("on a terminal, a large import shows a progress bar on stderr; piped, none")
    func progressBar() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        try Self.play(scratch.path, "one.jsonl", seed: 1, replies: Self.strong, db: scratch.path + "/x.sqlite")
        let text = try String(contentsOfFile: scratch.path + "/one.jsonl", encoding: .utf8)
        for i in 0..<30 {
            try scratch.write("class/\(i).jsonl", text.replacingOccurrences(of: "\"trainee\":\"wang\"", with: "\"trainee\":\"t\(i)\""))
        }
        let terminal = try PseudoTerminal(arguments: ["import", scratch.path + "/class", "--db", scratch.path + "/p.sqlite"])
        #expect(terminal.waitFor("30 added"), "\(terminal.text)")
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.text.contains("█") && terminal.text.contains("30/30"), "\(terminal.text)")
        let piped = try DojoBinary.run(["import", scratch.path + "/class", "--db", scratch.path + "/q.sqlite"])
        #expect(!piped.stderr.contains("█"))
    }

    @Test("kill -9 during a large import leaves a store that passes sqlite3's integrity_check")
    func killDuringImport() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        try Self.play(scratch.path, "one.jsonl", seed: 1, replies: Self.strong + Self.weak, db: scratch.path + "/x.sqlite")
        let text = try String(contentsOfFile: scratch.path + "/one.jsonl", encoding: .utf8)
        for i in 0..<3_000 {
            try scratch.write("class/\(i).jsonl", text.replacingOccurrences(of: "\"trainee\":\"wang\"", with: "\"trainee\":\"r\(i % 40)-\(i)\""))
        }
        let db = scratch.path + "/p.sqlite"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DojoBinary.path)
        process.arguments = ["import", scratch.path + "/class", "--db", db]
        process.currentDirectoryURL = URL(fileURLWithPath: DojoBinary.repositoryRoot)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the first batch of sessions is committed, then kill without warning.
        func sessionsStored() -> Int {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            probe.arguments = ["sqlite3", db, "SELECT count(*) FROM session"]
            let out = Pipe()
            probe.standardOutput = out
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { return 0 }
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            probe.waitUntilExit()
            return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning, sessionsStored() == 0 { usleep(10_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the import finished before it could be killed")
        let stored = sessionsStored()
        #expect(stored > 0 && stored < 3_000, "\(stored) sessions stored when killed")
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["sqlite3", db, "PRAGMA integrity_check"]
        let out = Pipe()
        check.standardOutput = out
        try check.run()
        let result = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(result.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
        // And the import can simply be run again to finish.
        let again = try DojoBinary.run(["import", scratch.path + "/class", "--db", db])
        #expect(again.status == 0, "\(again.stderr)")
        let history = try DojoBinary.run(["history", "--trainee", "r0-0", "--db", db])
        #expect(history.stdout.contains("customer-a-lowest-quote"))
    }

    @Test("tracks: standing per step, `dojo next` starts the next exercise, a passed drill moves the track on")
    func tracks() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let db = scratch.path + "/p.sqlite"
        let list = try DojoBinary.run(["track", "--trainee", "li", "--db", db])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("onboarding-en") && list.stdout.contains("onboarding-zh"))
        let first = try DojoBinary.run(["next", "--track", "onboarding-en", "--trainee", "li", "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Track onboarding-en, step 1: read the guide"), "\(first.stdout)")
        // A drill with every answer right passes step 2; the guide before it counts as read.
        let drill = try DojoBinary.run(["drill", "--set", "drill-en", "--lang", "en", "--seed", "5", "--count", "1", "--trainee", "li",
                                        "--db", db, "--transcript", scratch.path + "/d.jsonl"], input: Data("x\n".utf8))
        #expect(drill.status == 0, "\(drill.stderr)")
        let drillRecord = try Transcript.parse(Array(try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/d.jsonl"))))
        guard case let .drillStart(start)? = drillRecord.records.first else { Issue.record("no drill start"); return }
        let item = try #require(PlayPipedTests.library.drills.first { $0.id == "drill-en" }?.items.first { $0.id == start.items.first })
        let right = try DojoBinary.run(["drill", "--set", "drill-en", "--lang", "en", "--seed", "5", "--count", "1", "--trainee", "li",
                                        "--db", db, "--transcript", scratch.path + "/d2.jsonl"], input: Data((item.type.rawValue + "\n").utf8))
        #expect(right.stdout.contains("Accuracy: 1/1"), "\(right.stdout)")
        let track = try DojoBinary.run(["track", "onboarding-en", "--trainee", "li", "--db", db])
        #expect(track.stdout.contains("2/9 steps passed"), "\(track.stdout)")
        #expect(track.stdout.contains("→ next"))
        let next = try DojoBinary.run(["next", "--track", "onboarding-en", "--trainee", "li", "--db", db, "--seed", "1"],
                                      input: Data("We save you 200k a year.\n/quit\n".utf8))
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("step 3: One Week to Decide"), "\(next.stdout)")
        #expect(next.stdout.contains("Scorecard"), "the scenario was played: \(next.stdout)")
    }

    @Test("reading the guide is recorded: `dojo next` on the guide step and `dojo guide --trainee` mark it done in `dojo track`")
    func guideStepRecorded() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let db = scratch.path + "/p.sqlite"
        // Nothing done yet: the guide is the next step.
        let before = try DojoBinary.run(["track", "onboarding-en", "--trainee", "mei", "--db", db])
        #expect(before.stdout.contains("0/9 steps passed") && before.stdout.contains("→ next"), "\(before.stdout)")
        let next = try DojoBinary.run(["next", "--track", "onboarding-en", "--trainee", "mei", "--db", db])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("step 1: read the guide"), "\(next.stdout)")
        let after = try DojoBinary.run(["track", "onboarding-en", "--trainee", "mei", "--db", db])
        #expect(after.stdout.contains("1/9 steps passed"), "\(after.stdout)")
        let rows = after.stdout.split(separator: "\n")
        #expect(rows.contains { $0.contains("read the guide") && $0.contains("✓ passed") }, "\(after.stdout)")
        // And `dojo next` moves on to the drill.
        let second = try DojoBinary.run(["next", "--track", "onboarding-en", "--trainee", "mei", "--db", db], input: Data("1\n".utf8))
        #expect(second.stdout.contains("step 2:"), "\(second.stdout)")

        // `dojo guide` read directly counts for that trainee only; an export (markdown) is not a read.
        _ = try DojoBinary.run(["guide", "--format", "markdown", "--trainee", "jun", "--db", db])
        let exported = try DojoBinary.run(["track", "onboarding-en", "--trainee", "jun", "--db", db])
        #expect(exported.stdout.contains("0/9 steps passed"), "\(exported.stdout)")
        let read = try DojoBinary.run(["guide", "--trainee", "jun", "--db", db, "--width", "100"])
        #expect(read.status == 0 && read.stderr.isEmpty, "\(read.stderr)")
        let jun = try DojoBinary.run(["track", "onboarding-en", "--trainee", "jun", "--db", db])
        #expect(jun.stdout.contains("1/9 steps passed"), "\(jun.stdout)")
        let other = try DojoBinary.run(["track", "onboarding-en", "--trainee", "nobody", "--db", db])
        #expect(other.stdout.contains("0/9 steps passed"), "\(other.stdout)")

        // A store that cannot be written costs the record, not the guide.
        try scratch.write("not-a-db", "this is not SQLite\n")
        let broken = try DojoBinary.run(["guide", "--trainee", "jun", "--db", scratch.path + "/not-a-db", "--width", "100"])
        #expect(broken.status == 0 && !broken.stdout.isEmpty)
        #expect(broken.stderr.contains("note: reading the guide was not added to the progress store"), "\(broken.stderr)")
    }

    @Test("another process holds the store's write lock: play finishes, the transcript is kept, the message says locked and how to import later")
    func lockedByAnotherProcess() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let db = scratch.path + "/p.sqlite"
        let transcript = scratch.path + "/t.jsonl"
        // The store exists (one session recorded), then Python's sqlite3 takes an exclusive lock on it.
        let warmup = try DojoBinary.run(["play", "customer-a-lowest-quote", "--seed", "1", "--trainee", "li", "--db", db,
                                         "--transcript", scratch.path + "/first.jsonl"], input: Data("好的\n".utf8))
        #expect(warmup.status == 0, "\(warmup.stderr)")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)
            c.execute("BEGIN EXCLUSIVE")
            print("locked", flush=True)
            sys.stdin.read()
            c.execute("ROLLBACK")
            """, db]
        let input = Pipe(), output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        let ready = output.fileHandleForReading.availableData
        #expect(String(decoding: ready, as: UTF8.self).contains("locked"), "the lock holder did not start")

        let play = try DojoBinary.run(["play", "customer-a-lowest-quote", "--seed", "2", "--trainee", "li", "--db", db,
                                       "--transcript", transcript], input: Data("每年为您节约20万元。\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(play.status == 0, "\(play.stderr)")
        #expect(play.stdout.contains("成绩单"), "the session ran to its scorecard: \(play.stdout)")
        #expect(play.stderr.contains("note: the session was not added to the progress store"), "\(play.stderr)")
        #expect(play.stderr.contains("is locked by another"), "\(play.stderr)")
        #expect(play.stderr.contains("The transcript is safe at '\(transcript)'; `dojo import` adds it later."), "\(play.stderr)")
        let recorded = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(recorded.contains("\"event\":\"end\""), "the transcript is complete")
        // Once the lock is gone, importing the kept transcript adds the session.
        let imported = try DojoBinary.run(["import", transcript, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let history = try DojoBinary.run(["history", "--trainee", "li", "--db", db])
        #expect(history.stdout.components(separatedBy: "customer-a-lowest-quote").count - 1 >= 2, "\(history.stdout)")
    }

    @Test("validate reports a track's unknown id and unreachable pass mark with codes")
    func trackDiagnostics() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        try FileManager.default.copyItem(atPath: DojoBinary.repositoryRoot + "/Scenarios/playbooks", toPath: scratch.path + "/playbooks")
        try FileManager.default.copyItem(atPath: DojoBinary.repositoryRoot + "/Scenarios/en", toPath: scratch.path + "/en")
        try scratch.write("tracks/t.yaml", """
            id: t
            title: T
            language: en
            steps:
              - kind: guide
              - kind: scenario
                id: customer-a-lowest-quote-enn
                pass: 60
              - kind: exam
                id: customer-a-lowest-quote-en
                pass: 150
            """)
        let out = try DojoBinary.run(["validate", "--scenarios", scratch.path])
        #expect(out.status != 0)
        let text = out.stdout + out.stderr
        #expect(text.contains("error[DJ0040]"), "\(text)")
        #expect(text.contains("customer-a-lowest-quote-enn"))
        #expect(text.contains("did you mean `customer-a-lowest-quote-en`"), "\(text)")
        #expect(text.contains("error[DJ0041]"))
    }
}
