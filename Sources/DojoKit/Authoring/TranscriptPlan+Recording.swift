/// `dojo play --record FILE`: a played session written back as a transcript test plan that `dojo test`
/// replays — same seed, the replies that counted (rewound ones left out), and the ending and route reached.
extension TranscriptPlan {
    /// The plan of one ended session; nil when the session reached no ending (there is nothing to pin).
    public static func recording(_ session: Session, scenario: Scenario, name: String = "recorded") -> TranscriptPlan? {
        guard let ending = session.ending else { return nil }
        let exchanges = session.countedExchanges
        guard !exchanges.isEmpty else { return nil }
        let play = Play(name: name, seed: session.seed, replies: exchanges.map(\.reply), expect: [ending.kind], ending: ending.id,
                        route: exchanges.map(\.turn), location: SourceLocation(file: "", line: 1, column: 1))
        return TranscriptPlan(scenario: scenario.id, plays: [play], location: SourceLocation(file: "", line: 1, column: 1))
    }

    /// The plan as YAML in the format of `tests/*.yaml` (every text double-quoted, so any reply reads back as written).
    public func yaml(comment: String? = nil) -> String {
        var out = comment.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { "# \($0)\n" }.joined() } ?? ""
        out += "scenario: \(Self.quoted(scenario))\nplays:\n"
        for play in plays {
            out += "  - name: \(Self.quoted(play.name))\n    seed: \(play.seed)\n    replies:\n"
            out += play.replies.map { "      - \(Self.quoted($0))\n" }.joined()
            out += "    expect: " + (play.expect.count == 1 ? play.expect[0].rawValue : "[" + play.expect.map(\.rawValue).joined(separator: ", ") + "]") + "\n"
            if let ending = play.ending { out += "    ending: \(Self.quoted(ending))\n" }
            if let route = play.route { out += "    route: [" + route.map(Self.quoted).joined(separator: ", ") + "]\n" }
        }
        return out
    }

    /// A YAML double-quoted scalar: backslash, quote and every control character escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
