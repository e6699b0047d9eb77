import Testing
@testable import DojoKit

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
