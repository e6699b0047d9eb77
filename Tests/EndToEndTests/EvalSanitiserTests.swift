import Foundation
import Testing

/// `dojo eval` prints nothing from a labelled file raw: ids, languages, replies, notes and even the
/// file's name reach the terminal through the sanitiser, in the text report and the JSON.
@Suite("dojo eval sanitises what it prints")
struct EvalSanitiserTests {
    /// Control characters other than the line feed (and the tab, which tables never use) anywhere in `text`.
    static func controls(_ text: String) -> [String] {
        text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
            || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
            .map { String(format: "U+%04X", $0.value) }
    }

    @Test("escapes, bells and bidi overrides in a labelled file never reach the output")
    func escapesInLabelledFile() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        // Every field a person controls carries an escape; the file name too.
        let lines = [
            #"{"id":"x\u001b]0;pwned\u0007","lang":"en\u001b[2J","buyer":"b\u001b[31m","reply":"Thanks, talk tomorrow\u001b[2J\u202e.","orientation":"intrinsic","tactics":["price-angle"],"anti_patterns":[],"note":"n\u001b[5m"}"#,
            #"{"id":"ok\u009b31m","lang":"zh-Hans\u0007","reply":"我们的单价可以再降 5%。","orientation":"intrinsic","tactics":["price-angle"],"anti_patterns":[]}"#,
        ]
        let file = try scratch.write("labels\u{1B}[2J.jsonl", lines.joined(separator: "\n") + "\n")
        let text = try DojoBinary.run(["eval", file, "--no-model"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Misses"), "the first reply is a miss, so its id and reply are shown: \(text.stdout)")
        // The sanitiser drops whole escape sequences: what is left is the plain text.
        #expect(text.stdout.contains("labels.jsonl:1:1 x\n") && text.stdout.contains("Thanks, talk tomorrow."), "\(text.stdout)")
        #expect(Self.controls(text.stdout).isEmpty, "\(Self.controls(text.stdout))")
        #expect(Self.controls(text.stderr).isEmpty, "\(Self.controls(text.stderr))")
        let json = try DojoBinary.run(["eval", file, "--no-model", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(Self.controls(json.stdout).isEmpty, "JSON escapes them: \(Self.controls(json.stdout))")
        // JSON keeps the text exactly, with the controls (C1 and bidi included) as \u escapes.
        #expect(json.stdout.contains(#"\u001b]0;pwned\u0007"#) && json.stdout.contains(#"\u202e"#) && json.stdout.contains(#"ok\u009b31m"#),
                "\(json.stdout)")

        // A bad label line: the diagnostic quotes the line and names the file, sanitised too.
        try scratch.write("labels\u{1B}[2J.jsonl", #"{"id":"z","reply":"r","tactics":["no-such\u001b[2J"]}"# + "\n")
        let bad = try DojoBinary.run(["eval", file, "--no-model"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("is not a known id"), "\(bad.stderr)")
        #expect(Self.controls(bad.stderr).isEmpty, "\(Self.controls(bad.stderr))")
    }
}
