import Foundation
import Testing

@Suite("dojo list / show / validate, end to end")
struct FoundationCommandTests {
    static let shippedIDs = ["customer-a-lowest-quote", "customer-b-service-guidance", "customer-c-parts-partnership"]

    @Test("--version and --help")
    func versionAndHelp() throws {
        let version = try DojoBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try DojoBinary.run(["--help"])
        #expect(help.status == 0)
        for command in ["list", "show", "validate"] { #expect(help.stdout.contains(command)) }
    }

    @Test("usage errors exit with 2 and say what is wrong")
    func usageErrors() throws {
        let bad = try DojoBinary.run(["validate", "--format", "xml"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("xml"))
        #expect(bad.stdout.isEmpty)
        let unknown = try DojoBinary.run(["frobnicate"])
        #expect(unknown.status == 2)
    }

    @Test("validate passes on the shipped scenarios, strictly")
    func validateShipped() throws {
        let result = try DojoBinary.run(["validate", "--strict"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("0 error(s), 0 warning(s)"))
        let json = try DojoBinary.run(["validate", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 0)
        #expect(object["ok"] as? Bool == true)
        let ids = try #require(object["scenarios"] as? [String])
        for id in Self.shippedIDs { #expect(ids.contains(id)) }
    }

    @Test("validate on a broken file: file:line:col: error[CODE], source line, caret, exit 1")
    func validateBroken() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let source = try String(contentsOfFile: DojoBinary.repositoryRoot + "/Scenarios/zh-Hans/customer-a-lowest-quote.yaml",
                                encoding: .utf8)
        let broken = source.replacingOccurrences(of: "\nturns:", with: "\npass_mrk: 80\nturns:")
        let file = try scratch.write("broken.yaml", broken)
        let line = broken.components(separatedBy: "\n").firstIndex(of: "pass_mrk: 80").map { $0 + 1 } ?? 0
        let result = try DojoBinary.run(["validate", file])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(file):\(line):1: error[DJ0007]: unknown key `pass_mrk` in the scenario"))
        #expect(result.stdout.contains("\(line) | pass_mrk: 80\n"))
        #expect(result.stdout.contains("| ^\n"))
        #expect(result.stdout.contains("= help: did you mean `pass_mark`?"))
        #expect(result.stdout.contains("1 error(s)"))
    }

    @Test("the caret lines up under CJK text")
    func caretUnderCJK() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let source = try String(contentsOfFile: DojoBinary.repositoryRoot + "/Scenarios/zh-Hans/customer-a-lowest-quote.yaml",
                                encoding: .utf8)
        let broken = source.replacingOccurrences(of: "\ntype: intrinsic", with: "\ntype: {价格: intrinsic}")
        let file = try scratch.write("cjk.yaml", broken)
        let result = try DojoBinary.run(["validate", file])
        #expect(result.status == 1)
        let lines = result.stdout.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasSuffix("| type: {价格: intrinsic}") })
        let caretLine = lines[index + 1]
        let sourceLine = lines[index]
        // `{` is at display column 7 after the gutter; the caret sits under it.
        let gutter = sourceLine.distance(from: sourceLine.startIndex, to: try #require(sourceLine.firstIndex(of: "|"))) + 2
        #expect(caretLine.count == gutter + 6 + 1, "\(caretLine)")
        #expect(caretLine.hasSuffix("^"))
    }

    @Test("validate with warnings: exit 0, or 1 with --strict")
    func strictWarnings() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let source = try String(contentsOfFile: DojoBinary.repositoryRoot + "/Scenarios/zh-Hans/customer-a-lowest-quote.yaml",
                                encoding: .utf8)
        // An extra turn that nothing leads to: a warning (DJ0101), not an error.
        let extra = "\n  - id: orphan-turn\n    buyer: 还有别的吗？\n    expect: [price-angle]\n    branches:\n      - goto: opening\n"
        let warned = source.replacingOccurrences(of: "\nendings:", with: extra + "endings:")
        let file = try scratch.write("warn.yaml", warned)
        let lenient = try DojoBinary.run(["validate", file])
        #expect(lenient.status == 0, "\(lenient.stdout)")
        #expect(lenient.stdout.contains("warning[DJ0101]"))
        let strict = try DojoBinary.run(["validate", "--strict", file])
        #expect(strict.status == 1)
    }

    @Test("list: a table with every shipped scenario, aligned for CJK titles")
    func list() throws {
        let result = try DojoBinary.run(["list"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ID") == true)
        for id in Self.shippedIDs { #expect(lines.contains { $0.hasPrefix(id + " ") }) }
        // Every row's TYPE column starts at the same display column as the header's.
        let header = try #require(lines.first)
        let typeColumn = displayColumn(of: "TYPE", in: header)
        for row in lines.dropFirst() {
            let type = ["intrinsic", "extrinsic", "strategic"].first { row.contains(" \($0) ") } ?? "?"
            #expect(displayColumn(of: type, in: row) == typeColumn, "\(row)")
        }
        let filtered = try DojoBinary.run(["list", "--type", "strategic", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(filtered.stdout.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0["type"] as? String == "strategic" })
    }

    @Test("list is byte-identical across runs")
    func deterministic() throws {
        let a = try DojoBinary.run(["list"]), b = try DojoBinary.run(["list"])
        #expect(a.stdout == b.stdout)
        let c = try DojoBinary.run(["show", "customer-b-service-guidance"]), d = try DojoBinary.run(["show", "customer-b-service-guidance"])
        #expect(c.stdout == d.stdout)
    }

    @Test("show: persona, type, meters, turns and branch targets")
    func show() throws {
        let result = try DojoBinary.run(["show", "customer-a-lowest-quote"])
        #expect(result.status == 0, "\(result.stderr)")
        for text in ["内在价值型", "买家", "patience", "[opening]", "期望", "⇒", "deal-won"] {
            #expect(result.stdout.contains(text), "missing \(text)")
        }
        let english = try DojoBinary.run(["show", "customer-a-lowest-quote", "--lang", "en"])
        #expect(english.stdout.contains("Intrinsic value"))
        #expect(english.stdout.contains("Expect"))
    }

    @Test("show: an unknown id suggests the closest and exits 1")
    func showUnknown() throws {
        let result = try DojoBinary.run(["show", "customer-a-lowest-qoute"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Did you mean 'customer-a-lowest-quote'?"))
    }

    @Test("the shipped library is found from the binary, from any directory; --scenarios and DOJO_SCENARIOS add folders on top")
    func folderLookup() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        // The built binary finds the checkout it was built in: no ./Scenarios needed.
        let anywhere = try DojoBinary.run(["list"], in: scratch.path)
        #expect(anywhere.status == 0, "\(anywhere.stderr)")
        #expect(anywhere.stdout.contains("customer-a-lowest-quote"))
        // DOJO_SHARE names the share folder; one without Scenarios/ means no library at all.
        let none = try DojoBinary.run(["list"], in: scratch.path, environment: ["DOJO_SHARE": scratch.path])
        #expect(none.status == 1)
        #expect(none.stderr.contains("--scenarios"), "\(none.stderr)")
        try scratch.write("mine/solo.yaml", Self.soloScenario)
        let viaEnv = try DojoBinary.run(["list"], in: scratch.path, environment: ["DOJO_SCENARIOS": scratch.path + "/mine"])
        #expect(viaEnv.status == 0)
        #expect(viaEnv.stdout.contains("solo-buyer") && viaEnv.stdout.contains("customer-a-lowest-quote"), "\(viaEnv.stdout)")
        try scratch.write("more/duo.yaml", Self.soloScenario.replacingOccurrences(of: "id: solo-buyer", with: "id: duo-buyer"))
        let twoFolders = try DojoBinary.run(["list"], in: scratch.path,
                                            environment: ["DOJO_SCENARIOS": scratch.path + "/mine:" + scratch.path + "/more"])
        #expect(twoFolders.stdout.contains("solo-buyer") && twoFolders.stdout.contains("duo-buyer"), "\(twoFolders.stdout)")
        let twoFlags = try DojoBinary.run(["list", "--scenarios", scratch.path + "/mine", "--scenarios", scratch.path + "/more"], in: scratch.path)
        #expect(twoFlags.stdout == twoFolders.stdout)
        let viaFlag = try DojoBinary.run(["list", "--scenarios", scratch.path + "/mine"], in: scratch.path,
                                         environment: ["DOJO_SCENARIOS": "/nonexistent"])
        #expect(viaFlag.status == 0)
        #expect(viaFlag.stdout.contains("solo-buyer"))
        let missing = try DojoBinary.run(["list", "--scenarios", "/nonexistent"], in: scratch.path)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent"))
    }

    /// A one-turn scenario that uses the shipped playbooks' tactic ids and has none of its own.
    static let soloScenario = """
    id: solo-buyer
    title: Solo
    language: en
    type: intrinsic
    difficulty: 1
    persona: {name: Lee, role: Buyer, company: Acme, background: Wants the lowest price.}
    turns:
      - id: opening
        buyer: Send the quote.
        expect: [price-angle]
        model_answer: "At 20,000 units our delivered price saves your company CNY 60,000 a year against the quotes you hold."
        branches:
          - when: score >= 70
            goto: won
          - goto: lost
    endings:
      - {id: won, kind: won, title: Won, debrief: Quantified.}
      - {id: lost, kind: lost, title: Lost, debrief: Quantify the saving.}

    """
}

/// The display column (CJK = 2) at which `needle` starts in `line`.
func displayColumn(of needle: String, in line: String) -> Int {
    guard let range = line.range(of: needle) else { return -1 }
    return line[..<range.lowerBound].unicodeScalars.reduce(0) { sum, scalar in
        let v = scalar.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
        return sum + (wide ? 2 : 1)
    }
}

@Suite("dojo test, end to end")
struct TestCommandTests {
    @Test("runs every transcript test of the shipped scenarios and exits 0")
    func shipped() throws {
        let result = try DojoBinary.run(["test"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("PASS customer-a-lowest-quote/strong: won"))
        #expect(!result.stdout.contains("FAIL"))
        #expect(result.stdout.hasSuffix(" failed\n"))
    }

    @Test("a failing play is reported with its location and exit 1")
    func failing() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let root = DojoBinary.repositoryRoot + "/Scenarios"
        for folder in ["playbooks", "zh-Hans"] {
            try FileManager.default.copyItem(atPath: root + "/" + folder, toPath: scratch.path + "/" + folder)
        }
        try scratch.write("tests/a.yaml", """
        scenario: customer-a-lowest-quote
        plays:
          - name: wishful
            replies: ["好的。"]
            expect: won

        """)
        let result = try DojoBinary.run(["test", "--scenarios", scratch.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL customer-a-lowest-quote/wishful"))
        #expect(result.stdout.contains("expected won"))
        #expect(result.stdout.contains("/tests/a.yaml:3:"))
        #expect(result.stdout.contains("0 passed, 1 failed"))
    }
}
