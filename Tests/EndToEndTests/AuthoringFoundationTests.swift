import Foundation
import Testing

/// Issue 10 foundations through the real binary: the shipped library under an author's folder,
/// `make install`, `dojo new`, all errors of a file in one run, model answers.
@Suite("authoring foundations, end to end")
struct AuthoringFoundationTests {
    @Test("make install: the installed dojo, run from another directory (and by PATH), plays, validates and tests a scenario written in its own folder")
    func installed() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let prefix = scratch.path + "/prefix"
        let make = try Self.runTool("/usr/bin/env", ["make", "-s", "-C", DojoBinary.repositoryRoot, "install-files",
                                                     "PREFIX=" + prefix, "DOJO_BIN=" + DojoBinary.path])
        #expect(make.status == 0, "\(make.stderr)")
        let dojo = prefix + "/bin/dojo"
        #expect(FileManager.default.isExecutableFile(atPath: dojo))
        for shipped in ["Scenarios/playbooks/intrinsic.yaml", "Scenarios/models/tactics.dojomodel", "Scenarios/tracks/onboarding-en.yaml",
                        "docs/diagnostics.md", "docs/schema/scenario.schema.json"] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/share/salesdojo/" + shipped), "\(shipped)")
        }
        try scratch.write("work/notes.txt", "")
        let work = scratch.path + "/work"
        let created = try DojoBinary.run(["new", "my-buyer", "--type", "intrinsic", "--lang", "en", "--dir", "mine"], in: work, executable: dojo)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work + "/mine/playbooks"), "no playbooks are copied")
        let modeline = try String(contentsOfFile: work + "/mine/my-buyer.yaml", encoding: .utf8).split(separator: "\n")[0]
        #expect(modeline == "# yaml-language-server: $schema=../../prefix/share/salesdojo/docs/schema/scenario.schema.json")
        let validate = try DojoBinary.run(["validate", "--strict", "--scenarios", "mine"], in: work, executable: dojo)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(validate.stdout.contains("Checked 2 files (1 scenarios, 0 playbooks"), "\(validate.stdout)")
        let play = try DojoBinary.run(["play", "my-buyer", "--scenarios", "mine", "--autoplay", "model", "--lang", "en",
                                       "--transcript", work + "/t.jsonl"], in: work, executable: dojo)
        #expect(play.status == 0, "\(play.stderr)")
        #expect(play.stdout.contains("Order placed"), "\(play.stdout)")
        let test = try DojoBinary.run(["test", "my-buyer", "--scenarios", "mine"], in: work, executable: dojo)
        #expect(test.status == 0, "\(test.stdout)")
        #expect(test.stdout.contains("4 passed, 0 failed"), "\(test.stdout)")
        // By name on PATH: argv[0] is a bare `dojo`, the share folder is still found.
        let byPath = try DojoBinary.run(["dojo", "list", "--format", "json"], in: work,
                                        environment: ["PATH": prefix + "/bin:/usr/bin:/bin"], executable: "/usr/bin/env")
        #expect(byPath.status == 0, "\(byPath.stderr)")
        #expect(byPath.stdout.contains("customer-a-lowest-quote"))
        let explain = try DojoBinary.run(["explain", "DJ0013"], in: work, executable: dojo)
        #expect(explain.status == 0 && explain.stdout.hasPrefix("## DJ0013 undefined-target"))
    }

    @Test("dojo new, every type and language: the skeleton validates clean with --strict and its transcript test passes",
          arguments: ["intrinsic", "extrinsic", "strategic"])
    func newSkeleton(type: String) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        for lang in ["en", "zh-Hans"] {
            let id = "\(type)-\(lang.lowercased())-buyer"
            let created = try DojoBinary.run(["new", id, "--type", type, "--lang", lang, "--dir", scratch.path + "/mine"])
            #expect(created.status == 0, "\(created.stderr)")
            let text = try String(contentsOfFile: scratch.path + "/mine/\(id).yaml", encoding: .utf8)
            #expect(text.hasPrefix("# yaml-language-server: $schema="))
            #expect(text.contains("language: \(lang)") && text.contains("type: \(type)"))
            #expect(text.components(separatedBy: "model_answer:").count - 1 == 4, "every turn has a model answer")
        }
        let validate = try DojoBinary.run(["validate", "--strict", "--scenarios", scratch.path + "/mine"])
        #expect(validate.status == 0, "\(validate.stdout)")
        #expect(validate.stdout.contains("0 error(s), 0 warning(s)"))
        let test = try DojoBinary.run(["test", "--scenarios", scratch.path + "/mine"])
        #expect(test.status == 0, "\(test.stdout)")
        #expect(test.stdout.contains("8 passed, 0 failed"), "\(test.stdout)")
        // The two routes really differ: the opening's tactic decides which turn comes next.
        #expect(test.stdout.contains("route-") && Set(test.stdout.split(separator: "\n").filter { $0.contains("/route-") }
            .compactMap { $0.components(separatedBy: " via ").last }).count == 2, "\(test.stdout)")
    }

    @Test("dojo new refuses to overwrite (exit 1, file untouched), to reuse a shipped id, and a bad id (exit 2)")
    func newRefuses() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let path = try scratch.write("mine/taken.yaml", "# mine\n")
        let again = try DojoBinary.run(["new", "taken", "--type", "intrinsic", "--dir", scratch.path + "/mine"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists; dojo new never overwrites"), "\(again.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# mine\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/mine/tests/taken.yaml"))
        let shipped = try DojoBinary.run(["new", "customer-a-lowest-quote", "--type", "intrinsic", "--dir", scratch.path + "/mine"])
        #expect(shipped.status == 1)
        #expect(shipped.stderr.contains("already exists"), "\(shipped.stderr)")
        let bad = try DojoBinary.run(["new", "My Buyer", "--type", "intrinsic", "--dir", scratch.path + "/mine"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("is not a valid id"))
        #expect(try DojoBinary.run(["new", "x", "--type", "intrinsik"]).status == 2)
    }

    @Test("a playbook in the author's folder replaces the shipped one of its type, with a note; the author's tactics then check")
    func playbookOverride() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        var playbook = try String(contentsOfFile: DojoBinary.repositoryRoot + "/Scenarios/playbooks/intrinsic.yaml", encoding: .utf8)
        playbook = playbook.replacingOccurrences(of: "\ntactics:\n", with: """

            tactics:
              - id: total-cost-sheet
                name: {zh: 总成本表, en: Total cost sheet}
                description: {zh: 给出总成本对比表。, en: Compare total cost in one sheet.}
                cues: {zh: [总成本表], en: [total cost sheet]}
                model_answers: {zh: ["我给您一张总成本表。"], en: ["I'll send you a total cost sheet."]}

            """)
        #expect(playbook.contains("total-cost-sheet"))
        try scratch.write("mine/playbooks/intrinsic.yaml", playbook)
        let scenario = FoundationCommandTests.soloScenario.replacingOccurrences(of: "expect: [price-angle]", with: "expect: [total-cost-sheet]")
        try scratch.write("mine/solo.yaml", scenario)
        let withOwn = try DojoBinary.run(["validate", "--scenarios", scratch.path + "/mine"])
        #expect(withOwn.status == 0, "\(withOwn.stdout)")
        #expect(withOwn.stderr.contains("replaces the shipped playbook `intrinsic` (Scenarios/playbooks/intrinsic.yaml)"), "\(withOwn.stderr)")
        try FileManager.default.removeItem(atPath: scratch.path + "/mine/playbooks")
        let without = try DojoBinary.run(["validate", "--scenarios", scratch.path + "/mine"])
        #expect(without.status == 1)
        #expect(without.stdout.contains("error[DJ0012]: unknown tactic `total-cost-sheet`"), "\(without.stdout)")
    }

    @Test("every error of a file in one run, a mistyped goto included, in file order")
    func allErrorsAtOnce() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let file = try scratch.write("broken.yaml", """
            id: broken-buyer
            title: Broken
            language: en
            type: intrinsic
            difficulty: 2
            colour: blue
            persona: {name: Lee, role: Buyer, company: Acme, background: Wants the lowest price.}
            meters:
              patience: {start: 2, min: 0, max: 4}
            turns:
              - id: opening
                buyer: Send the quote.
                expect: [price-angel]
                branches:
                  - goto: clsoe
              - id: close
                buyer: Why you?
                expect: [price-angle]
                branches:
                  - when: score => 70
                    goto: wonn
                  - effects: {patiense: -1}
                    goto: lost
            endings:
              - {id: won, kind: won, title: Won, debrief: Quantified.}
              - {id: lost, kind: lost, title: Lost, debrief: Quantify the saving.}

            """)
        let result = try DojoBinary.run(["validate", file])
        #expect(result.status == 1)
        let heads = result.stdout.split(separator: "\n").filter { $0.hasPrefix(file) }.map { $0.dropFirst(file.count) }
        #expect(heads == [
            ":6:1: error[DJ0007]: unknown key `colour` in the scenario",
            ":13:14: error[DJ0012]: unknown tactic `price-angel` in `expect` of turn `opening`",
            ":15:15: error[DJ0013]: `goto: clsoe` names no turn or ending",
            ":20:21: error[DJ0016]: `=` is not an operator",
            ":21:15: error[DJ0013]: `goto: wonn` names no turn or ending",
            ":22:19: error[DJ0015]: effect on `patiense`, which is not a meter of this scenario",
        ], "\(result.stdout)")
    }

    @Test("validate --strict fails on a turn without model_answer (DJ0108); --autoplay model stops there with a message")
    func modelAnswers() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let scenario = FoundationCommandTests.soloScenario.replacingOccurrences(
            of: "    model_answer: \"At 20,000 units our delivered price saves your company CNY 60,000 a year against the quotes you hold.\"\n",
            with: "")
        #expect(!scenario.contains("model_answer"))
        try scratch.write("mine/solo.yaml", scenario)
        let lenient = try DojoBinary.run(["validate", "--scenarios", scratch.path + "/mine"])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("warning[DJ0108]: turn `opening` has no `model_answer`"), "\(lenient.stdout)")
        let strict = try DojoBinary.run(["validate", "--strict", "--scenarios", scratch.path + "/mine"])
        #expect(strict.status == 1)
        let play = try DojoBinary.run(["play", "solo-buyer", "--scenarios", scratch.path + "/mine", "--autoplay", "model", "--lang", "en",
                                       "--transcript", scratch.path + "/t.jsonl"])
        #expect(play.stderr.contains("--autoplay model stops at turn `opening` of solo-buyer: it has no model_answer (DJ0108)"), "\(play.stderr)")
        #expect(!play.stdout.contains("think about it"), "\(play.stdout)")
        #expect(play.status == 1, "an author's script notices")
    }

    @Test("codes once reused have their own: a duplicate drill id (DJ0028), a test of an unknown scenario (DJ0029) or ending (DJ0030)")
    func newCodes() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let drill = "id: my-drill\ntitle: Mine\nlanguage: en\nitems:\n  - {id: a, type: intrinsic, statement: \"Lowest price wins.\", source: mine, why: \"Cost only.\"}\n"
        try scratch.write("mine/drills/a.yaml", drill)
        try scratch.write("mine/drills/b.yaml", drill)
        try scratch.write("mine/solo.yaml", FoundationCommandTests.soloScenario)
        try scratch.write("mine/tests/a.yaml", "scenario: solo-buyr\nplays:\n  - {name: p, replies: [x], expect: won}\n")
        try scratch.write("mine/tests/b.yaml", "scenario: solo-buyer\nplays:\n  - {name: p, replies: [x], expect: won, ending: wonn}\n")
        let result = try DojoBinary.run(["validate", "--scenarios", scratch.path + "/mine"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error[DJ0028]: drill id `my-drill` is already used by"), "\(result.stdout)")
        #expect(result.stdout.contains("error[DJ0029]: transcript test for `solo-buyr`, which is not a scenario here"))
        #expect(result.stdout.contains("error[DJ0030]: play `p` expects ending `wonn`, which solo-buyer does not define"))
        #expect(!result.stdout.contains("DJ0013") && !result.stdout.contains("DJ0014"))
    }

    @Test("play --record saves the session (rewound replies left out) as a test plan that dojo test replays and passes")
    func recordRoundTrip() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let mine = scratch.path + "/mine"
        #expect(try DojoBinary.run(["new", "rec-buyer", "--type", "intrinsic", "--lang", "en", "--dir", mine]).status == 0)
        let replies = [
            "OK, we'll think about it.",
            "/rewind",
            "No visit needed. I'll email the quote this afternoon, and from then on you order online, with no rep running back and forth.",
            "/hint",
            "It is. The visits we save come straight off the price: our quote is CNY 1.20 a piece below a standard quote, which saves your company CNY 24,000 on this order.",
            "Because your total cost is lower: CNY 38.60 a piece delivered saves you CNY 60,000 against the lowest quote you hold, and we are IATF 16949 certified, a threshold small mills cannot clear.",
        ]
        let plan = mine + "/tests/recorded.yaml"
        let play = try DojoBinary.run(["play", "rec-buyer", "--scenarios", mine, "--record", plan, "--seed", "7", "--lang", "en",
                                       "--transcript", scratch.path + "/t.jsonl"], input: Data((replies.joined(separator: "\n") + "\n").utf8))
        #expect(play.status == 0, "\(play.stderr)")
        #expect(play.stdout.contains("Recorded as a transcript test: " + plan), "\(play.stdout)")
        let text = try String(contentsOfFile: plan, encoding: .utf8)
        #expect(text.contains("scenario: \"rec-buyer\"\nplays:\n  - name: \"recorded\"\n    seed: 7\n    replies:\n"), "\(text)")
        #expect(!text.contains("think about it"), "a rewound reply is not replayed")
        #expect(!text.contains("/hint") && !text.contains("/rewind"))
        #expect(text.contains("    expect: won\n    ending: \"deal-won\"\n    route: [\"opening\", \"no-visit\", \"close\"]\n"), "\(text)")
        let test = try DojoBinary.run(["test", "rec-buyer", "--scenarios", mine])
        #expect(test.status == 0, "\(test.stdout)")
        #expect(test.stdout.contains("PASS rec-buyer/recorded: won (deal-won) after 3 replies"), "\(test.stdout)")
        // Never overwritten: the plan exists now.
        let again = try DojoBinary.run(["play", "rec-buyer", "--scenarios", mine, "--record", plan, "--lang", "en"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"), "\(again.stderr)")
        // A session that ends before an ending records nothing.
        let quit = try DojoBinary.run(["play", "rec-buyer", "--scenarios", mine, "--record", scratch.path + "/none.yaml", "--lang", "en",
                                       "--transcript", scratch.path + "/t2.jsonl"], input: Data("/quit\n".utf8))
        #expect(quit.stdout.contains("Test not recorded: the dialogue reached no ending."), "\(quit.stdout)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/none.yaml"))
    }

    /// Runs an outside tool and captures its output.
    static func runTool(_ tool: String, _ arguments: [String]) throws -> DojoBinary.Output {
        try DojoBinary.run(arguments, executable: tool)
    }
}
