import Testing
@testable import DojoKit

/// JSON written by dojo (transcripts, `grade`, `eval`, reports) never carries a control a terminal
/// would act on: C0 and C1 controls and bidi overrides are `\u` escapes, and the text reads back the same.
@Suite("JSON writer escapes")
struct JSONWriterEscapeTests {
    @Test("C1 controls and bidi overrides and isolates are escaped; other text (curly quotes, CJK, em dash) is copied")
    func terminalControls() throws {
        let text = "a\u{85}b\u{9B}31m\u{202A}\u{202E}c\u{2066}\u{2069}“引号”—\u{1B}[2J\u{7F}é"
        var writer = JSONWriter()
        writer.string(text)
        let json = String(decoding: writer.bytes, as: UTF8.self)
        #expect(json == #""a\u0085b\u009b31m\u202a\u202ec\u2066\u2069“引号”—\u001b[2J\u007fé""#)
        #expect(try JSONValue.parse(writer.bytes) == .string(text))
        var plain = JSONWriter()
        plain.string("“引号”— no escapes © ·")
        #expect(String(decoding: plain.bytes, as: UTF8.self) == "\"“引号”— no escapes © ·\"")
    }
}
