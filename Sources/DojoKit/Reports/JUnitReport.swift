/// `dojo test --format junit`: transcript-test results as JUnit XML, the format CI systems (GitHub Actions,
/// GitLab, Jenkins) read. One `<testsuite>` per scenario, one `<testcase>` per play, a `<failure>` with its
/// message for each failing play. No timestamps or durations, so the same results give the same bytes.
public struct JUnitReport: Sendable, Hashable {
    /// One play's result.
    public struct Case: Sendable, Hashable {
        /// The scenario id (the suite and the case's class name).
        public var scenario: String
        /// The play's name.
        public var name: String
        /// Where the play is written, when known.
        public var location: SourceLocation?
        /// What went wrong; nil when the play passed.
        public var failure: String?
        /// A one-line account of the play (ending, replies, total), kept as the case's output.
        public var detail: String

        /// A result.
        public init(scenario: String, name: String, location: SourceLocation?, failure: String?, detail: String) {
            self.scenario = scenario
            self.name = name
            self.location = location
            self.failure = failure
            self.detail = detail
        }
    }

    /// The cases in the order they ran.
    public var cases: [Case]

    /// A report of `cases`.
    public init(cases: [Case]) { self.cases = cases }

    /// The XML document; suites in the order their first case ran.
    public func render() -> String {
        var order: [String] = []
        var byScenario: [String: [Case]] = [:]
        for item in cases {
            if byScenario[item.scenario] == nil { order.append(item.scenario) }
            byScenario[item.scenario, default: []].append(item)
        }
        let failures = cases.filter { $0.failure != nil }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"dojo test\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        for scenario in order {
            let suite = byScenario[scenario] ?? []
            let suiteFailures = suite.filter { $0.failure != nil }.count
            out += "  <testsuite name=\"\(Self.escape(scenario))\" tests=\"\(suite.count)\" failures=\"\(suiteFailures)\" errors=\"0\" skipped=\"0\">\n"
            for item in suite {
                var attributes = "classname=\"\(Self.escape(scenario))\" name=\"\(Self.escape(item.name))\""
                if let location = item.location {
                    attributes += " file=\"\(Self.escape(location.file))\" line=\"\(location.line)\""
                }
                out += "    <testcase \(attributes)>\n"
                if let failure = item.failure {
                    out += "      <failure message=\"\(Self.escape(failure))\" type=\"transcript\">\(Self.escape(failure))</failure>\n"
                }
                out += "      <system-out>\(Self.escape(item.detail))</system-out>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// Escapes text for an attribute or element: markup characters become entities, line breaks and tabs
    /// character references (so attributes keep them), and characters XML 1.0 forbids become U+FFFD.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                let value = scalar.value
                let allowed = (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) || value >= 0x10000
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
