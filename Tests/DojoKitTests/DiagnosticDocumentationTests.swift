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

    @Test("a code's section is its heading, severity, explanation, messages and fix")
    func section() {
        let section = DiagnosticCatalogue.markdown(for: DiagnosticCode.unknownKey.descriptor)
        #expect(section.hasPrefix("## DJ0007 unknown-key\n**Error.** A key the format does not define"))
        #expect(section.contains("\nMessage: `` unknown key `{key}` in {context} ``\n"))
        #expect(section.contains("\nFix: "))
    }
}
