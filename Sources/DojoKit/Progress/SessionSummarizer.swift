/// Builds a `SessionSummary` from a transcript's records, one at a time (the import streams).
public struct SessionSummarizer: Sendable {
    /// Why a file is not a session transcript.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The first record is not a start or drill_start.
        case noStart
        public var description: String { "it is not a dojo transcript (no start or drill_start record)" }
    }

    /// A scenario's buyer type and turn expectations, for transcripts written before `expect` was recorded.
    public typealias ScenarioLookup = @Sendable (String) -> Scenario?

    private var summary: SessionSummary?
    private var hintedTurns: Set<String> = []
    private var rewound: Set<Int> = []
    private let lookup: ScenarioLookup
    private var scenario: Scenario?
    private let path: String

    /// A summariser for the transcript at `path`.
    public init(path: String, lookup: @escaping ScenarioLookup = { _ in nil }) {
        self.path = path
        self.lookup = lookup
    }

    /// Takes the next record.
    public mutating func add(_ record: TranscriptRecord) throws(Failure) {
        if summary == nil {
            switch record {
            case let .start(s):
                scenario = lookup(s.scenario)
                summary = SessionSummary(id: StableID.uuid(namespace: "salesdojo-session", record.encoded()), trainee: s.trainee, kind: .play,
                                         activity: s.scenario, valueType: scenario?.valueType, contentHash: s.scenarioHash,
                                         mode: s.mode.rawValue, seed: s.seed, startedAt: s.startedAt ?? "", endedAt: nil,
                                         outcome: .unfinished, ending: nil, total: 0, passMark: s.mode == .exam ? s.passMark : nil,
                                         passed: nil, hints: 0, rewinds: 0, turns: [], transcript: path)
            case let .drillStart(s):
                summary = SessionSummary(id: StableID.uuid(namespace: "salesdojo-session", record.encoded()), trainee: s.trainee, kind: .drill,
                                         activity: s.drill, valueType: nil, contentHash: nil, mode: "drill", seed: s.seed,
                                         startedAt: s.startedAt ?? "", endedAt: nil, outcome: .unfinished, ending: nil, total: 0,
                                         passMark: nil, passed: nil, hints: 0, rewinds: 0, turns: [], transcript: path)
            case .unknown:
                return
            default:
                throw .noStart
            }
            return
        }
        guard var s = summary else { return }
        switch record {
        case let .hint(h):
            s.hints += 1
            hintedTurns.insert(h.turn)
        case let .reply(r):
            let expected = r.expect ?? scenario?.turn(r.turn)?.expect ?? []
            var flags: [String] = []
            if r.assessment.cueStuffing { flags.append("cue-stuffing") }
            s.turns.append(SessionSummary.Turn(number: r.number, turn: r.turn, text: r.text, score: r.assessment.score ?? 0,
                                               alignment: r.assessment.alignment.rawValue, expected: expected,
                                               credited: r.assessment.used, hinted: hintedTurns.contains(r.turn),
                                               rewound: false, flags: flags))
            hintedTurns.remove(r.turn)
        case let .rewind(r):
            s.rewinds += 1
            if let index = s.turns.lastIndex(where: { $0.number == r.number }) {
                s.turns[index].rewound = true
                s.turns[index].flags.append("rewound")
            }
        case let .flag(f):
            if let index = s.turns.lastIndex(where: { $0.number == f.number }), !s.turns[index].flags.contains("flagged") {
                s.turns[index].flags.append("flagged")
            }
        case let .end(e):
            s.outcome = e.endingKind.map { SessionSummary.Outcome(rawValue: $0.rawValue) ?? .abandoned } ?? .abandoned
            s.ending = e.ending
            s.total = e.scorecard.total
            s.passMark = e.scorecard.passMark ?? s.passMark
            s.passed = e.scorecard.passed
            s.endedAt = e.endedAt
        case let .drillAnswer(a):
            s.turns.append(SessionSummary.Turn(number: a.number, turn: a.item, text: a.text, score: a.correct ? 100 : 0,
                                               alignment: a.correct ? "match" : "mismatch", expected: a.type.map { [$0.rawValue] } ?? [],
                                               credited: a.guess.map { [$0.rawValue] } ?? [], hinted: false, rewound: false, flags: []))
        case let .drillEnd(e):
            s.outcome = .finished
            s.total = e.answered > 0 ? (e.correct * 100 + e.answered / 2) / e.answered : 0
            s.endedAt = e.endedAt
        default:
            break
        }
        summary = s
    }

    /// The summary, or nil when no start record was seen.
    public func finish() -> SessionSummary? {
        guard var s = summary else { return nil }
        if s.outcome == .unfinished {
            // No end record: total from the counted replies, so the figure is still meaningful.
            let scores = s.countedTurns.map(\.score)
            s.total = scores.isEmpty ? 0 : (scores.reduce(0, +) + scores.count / 2) / scores.count
        }
        return s
    }

    /// Reads a whole transcript file, streaming.
    public static func summarize(path: String, lookup: @escaping ScenarioLookup = { _ in nil }) throws -> SessionSummary {
        let reader = try TranscriptReader(path: path)
        var summarizer = SessionSummarizer(path: path, lookup: lookup)
        while let record = try reader.next() { try summarizer.add(record) }
        guard let summary = summarizer.finish() else { throw Failure.noStart }
        return summary
    }
}
