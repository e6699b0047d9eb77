import Testing
@testable import DojoKit

/// Lines are split where the YAML parser ends them, whatever the editor saved.
@Suite("SourceText line splitting")
struct SourceTextTests {
    @Test("LF, CRLF, a lone CR, NEL, LS and PS each end a line; a leading BOM is dropped")
    func lineEndings() {
        let source = SourceText(path: "f.yaml", text: "\u{FEFF}a: 1\r\nb: 2\rc: 3\nd\u{85}e\u{2028}f\u{2029}g\r\n")
        #expect(source.lines == ["a: 1", "b: 2", "c: 3", "d", "e", "f", "g", ""])
        #expect(source.line(1) == "a: 1")
        #expect(source.text.hasPrefix("a: 1"))
    }

    @Test("CRLF and LF texts give the same lines, CJK included")
    func crlfMatchesLF() {
        let lf = "id: 价格\ntitle: 一周定标\n"
        #expect(SourceText(path: "a", text: lf.replacingOccurrences(of: "\n", with: "\r\n")).lines == SourceText(path: "a", text: lf).lines)
    }
}
