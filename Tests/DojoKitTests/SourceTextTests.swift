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

@Suite("Diagnostic documentation lookup")
struct DiagnosticDocumentationTests {
    @Test("codes by number, padded number or name; nothing for unknown or malformed queries")
    func codes() {
        #expect(DiagnosticDocumentation.code(for: "DJ0007") == .unknownKey)
        #expect(DiagnosticDocumentation.code(for: "dj7") == .unknownKey)
        #expect(DiagnosticDocumentation.code(for: " 0007 ") == .unknownKey)
        #expect(DiagnosticDocumentation.code(for: "unknown-key") == .unknownKey)
        #expect(DiagnosticDocumentation.code(for: "DJ9999") == nil)
        #expect(DiagnosticDocumentation.code(for: "DJ00007") == nil)
        #expect(DiagnosticDocumentation.code(for: "-7") == nil)
        #expect(DiagnosticDocumentation.code(for: "") == nil)
    }

    @Test("a section runs from its heading to the next heading, CRLF or LF")
    func section() {
        let markdown = "# T\n\n## DJ0007 unknown-key\nOne.\n\nTwo.\n\n## DJ0008 missing-field\nThree.\n"
        #expect(DiagnosticDocumentation.section(for: .unknownKey, in: markdown) == "## DJ0007 unknown-key\nOne.\n\nTwo.")
        let crlf = markdown.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(DiagnosticDocumentation.section(for: .missingField, in: crlf) == "## DJ0008 missing-field\nThree.")
        #expect(DiagnosticDocumentation.section(for: .notUTF8, in: markdown) == nil)
    }
}
