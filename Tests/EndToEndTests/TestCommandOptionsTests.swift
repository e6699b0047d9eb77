import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `dojo test ID…` filtering and its output formats, run through the real binary.
@Suite("dojo test: scenario ids and formats, end to end")
struct TestCommandOptionsTests {
    @Test("an id that names no scenario is a usage error naming it, with a did-you-mean; nothing runs")
    func unknownID() throws {
        let result = try DojoBinary.run(["test", "customer-a-lowest-qoute"])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("No scenario has the id 'customer-a-lowest-qoute'. Did you mean 'customer-a-lowest-quote'?"),
                "\(result.stderr)")
        #expect(!result.stdout.contains("passed"), "\(result.stdout)")
    }

    @Test("every unknown id is named, even next to a known one; one far from any id gets no suggestion")
    func unknownAmongKnown() throws {
        let result = try DojoBinary.run(["test", "customer-a-lowest-quote", "nonexistent-id", "zzz"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("No scenario has the id 'nonexistent-id'."))
        #expect(result.stderr.contains("No scenario has the id 'zzz'. Run") || result.stderr.contains("No scenario has the id 'zzz'.\n"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("'customer-a-lowest-quote'."))
        #expect(result.stderr.contains("dojo list"))
        #expect(result.stdout.isEmpty, "\(result.stdout)")
    }

    @Test("a known id runs only that scenario's plays")
    func knownID() throws {
        let result = try DojoBinary.run(["test", "customer-a-lowest-quote"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let plays = result.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("PASS ") || $0.hasPrefix("FAIL ") }
        #expect(!plays.isEmpty)
        #expect(plays.allSatisfy { $0.hasPrefix("PASS customer-a-lowest-quote/") }, "\(plays)")
        #expect(!result.stdout.contains("0 passed"))
    }

    /// Parses JUnit XML with Foundation's XML parser; fails the test when it is not well-formed.
    static func parse(_ xml: String) throws -> XMLDocument {
        try XMLDocument(data: Data(xml.utf8), options: [])
    }

    static func attribute(_ name: String, of node: XMLNode?) -> String? {
        (node as? XMLElement)?.attribute(forName: name)?.stringValue
    }

    @Test("--format junit: well-formed XML, one testcase per play, counts as in the text run, the same bytes twice")
    func junitShipped() throws {
        let text = try DojoBinary.run(["test"])
        let junit = try DojoBinary.run(["test", "--format", "junit"])
        #expect(junit.status == 0, "\(junit.stderr)")
        let passLines = text.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("PASS ") }
        try #require(!passLines.isEmpty)
        #expect(junit.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"))
        #expect(!junit.stdout.contains("PASS "), "no text lines mixed into the XML")
        let document = try Self.parse(junit.stdout)
        let root = document.rootElement()
        #expect(root?.name == "testsuites")
        #expect(Self.attribute("tests", of: root) == String(passLines.count))
        #expect(Self.attribute("failures", of: root) == "0")
        let cases = try document.nodes(forXPath: "//testsuite/testcase")
        #expect(cases.count == passLines.count)
        #expect(try document.nodes(forXPath: "//failure").isEmpty)
        // Each text PASS line names scenario/play; the XML has the same pairs in the same order.
        let pairs = cases.map { "\(Self.attribute("classname", of: $0) ?? "")/\(Self.attribute("name", of: $0) ?? "")" }
        let textPairs = passLines.map { String($0.dropFirst(5).prefix { $0 != ":" }) }
        #expect(pairs == textPairs)
        let suites = try document.nodes(forXPath: "//testsuite")
        #expect(suites.count == Set(pairs.map { $0.prefix { $0 != "/" } }).count)
        for suite in suites {
            #expect(Self.attribute("tests", of: suite) == String(suite.children?.count ?? -1))
        }
        #expect(try DojoBinary.run(["test", "--format", "junit"]).stdout == junit.stdout)
    }

    @Test("--format junit: a failing play is a <failure> with its message; markup in names is escaped; exit 1")
    func junitFailure() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let root = DojoBinary.repositoryRoot + "/Scenarios"
        for folder in ["playbooks", "zh-Hans"] {
            try FileManager.default.copyItem(atPath: root + "/" + folder, toPath: scratch.path + "/" + folder)
        }
        try scratch.write("tests/a.yaml", """
        scenario: customer-a-lowest-quote
        plays:
          - name: "wishful <b> & \\"quoted\\" 'x' ]]>"
            replies: ["好的。"]
            expect: won
          - name: weak
            replies: ["好的。"]
            expect: [lost, left]

        """)
        let result = try DojoBinary.run(["test", "--format", "junit", "--scenarios", scratch.path])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let document = try Self.parse(result.stdout)
        #expect(Self.attribute("tests", of: document.rootElement()) == "2")
        #expect(Self.attribute("failures", of: document.rootElement()) == "1")
        let cases = try document.nodes(forXPath: "//testcase")
        #expect(cases.count == 2)
        #expect(Self.attribute("name", of: cases.first) == "wishful <b> & \"quoted\" 'x' ]]>")
        #expect(Self.attribute("line", of: cases.first) == "3")
        let failures = try document.nodes(forXPath: "//testcase[1]/failure")
        #expect(failures.count == 1)
        let message = Self.attribute("message", of: failures.first) ?? ""
        #expect(message.contains("expected won"), "\(message)")
        #expect(message.contains("/tests/a.yaml:3:"), "\(message)")
        #expect(try document.nodes(forXPath: "//testcase[2]/failure").isEmpty)
        #expect(result.stderr.contains("note:"), "notes go to stderr: \(result.stderr)")
    }
}
