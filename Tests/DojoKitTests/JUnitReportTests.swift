import Testing
@testable import DojoKit

@Suite("JUnit report")
struct JUnitReportTests {
    @Test("escaping: markup, quotes, line breaks kept as references, characters XML forbids replaced")
    func escaping() {
        #expect(JUnitReport.escape("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;")
        #expect(JUnitReport.escape("one\ntwo\tthree\r") == "one&#10;two&#9;three&#13;")
        #expect(JUnitReport.escape("bell\u{7}esc\u{1B}nul\u{0}") == "bell\u{FFFD}esc\u{FFFD}nul\u{FFFD}")
        #expect(JUnitReport.escape("价格 \u{1F600}") == "价格 \u{1F600}")
    }

    @Test("suites group cases by scenario in first-run order; counts per suite and overall")
    func grouping() {
        let report = JUnitReport(cases: [
            .init(scenario: "b", name: "one", location: nil, failure: nil, detail: "ok"),
            .init(scenario: "a", name: "two", location: SourceLocation(file: "t.yaml", line: 4, column: 5), failure: "expected won", detail: "lost"),
            .init(scenario: "b", name: "three", location: nil, failure: nil, detail: "ok"),
        ])
        let xml = report.render()
        #expect(xml.contains("<testsuites name=\"dojo test\" tests=\"3\" failures=\"1\" errors=\"0\">"))
        let b = xml.range(of: "<testsuite name=\"b\" tests=\"2\" failures=\"0\"")
        let a = xml.range(of: "<testsuite name=\"a\" tests=\"1\" failures=\"1\"")
        #expect(b != nil && a != nil && b!.lowerBound < a!.lowerBound)
        #expect(xml.contains("<testcase classname=\"a\" name=\"two\" file=\"t.yaml\" line=\"4\">"))
        #expect(xml.contains("<failure message=\"expected won\" type=\"transcript\">expected won</failure>"))
    }
}
