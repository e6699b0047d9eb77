/// Runs a scenario: presents the buyer's lines, scores each reply, follows branches and meters to
/// an ending. Pure and deterministic — the same scenario, seed and replies give the same events —
/// so the REPL, tests and a future server all drive the same engine.
public struct Session: Sendable {
    /// What the dialogue is waiting for.
    public enum Phase: Sendable, Hashable {
        /// Exam mode: the rep must first name the buyer's value type.
        case identifyType
        /// A reply to the current turn.
        case reply
        /// The session is over.
        case ended
    }

    /// Why a command is not available.
    public enum Refusal: Error, Sendable, Hashable {
        /// Hints and rewind are for practice mode.
        case notInExam
        /// Nothing to rewind.
        case nothingToRewind
        /// The session is over.
        case ended
        /// The turn has no hint.
        case noHint
        /// No reply to flag yet.
        case nothingToFlag
    }

    /// The scenario being played.
    public let scenario: Scenario
    /// Practice or exam.
    public let mode: SessionMode
    /// The seed that picks buyer-line variants.
    public let seed: UInt64
    /// Pass mark for exam mode.
    public let passMark: Int
    let evaluator: Evaluator

    /// Where the dialogue stands.
    public private(set) var phase: Phase
    /// The current turn's id.
    public private(set) var turnID: String
    /// Meter values by name.
    public private(set) var meters: [String: Int]
    /// Every exchange, rewound ones included (marked).
    public private(set) var exchanges: [Exchange] = []
    /// Hints taken, by turn id, in order.
    public private(set) var hints: [String] = []
    /// The ending reached.
    public private(set) var ending: Ending?
    /// Exam mode: the rep's answer to "which type is this buyer?" and whether it was right.
    public private(set) var typeGuess: TypeGuess?
    /// Exam mode: the time limit ran out before an ending.
    public private(set) var timedOut = false
    /// Events in order, for the transcript.
    public private(set) var events: [SessionEvent] = []
    private var visits: [String: Int] = [:]
    private var snapshots: [Snapshot] = []
    /// The buyer line currently shown.
    public private(set) var buyerLine: String

    /// A safety net for scenarios that loop: after this many counted replies the buyer leaves.
    public static let maxReplies = 40

    struct Snapshot: Sendable {
        var turnID: String
        var meters: [String: Int]
        var visits: [String: Int]
        var buyerLine: String
    }

    /// Starts a session and presents the opening.
    public init(scenario: Scenario, evaluator: Evaluator, mode: SessionMode = .practice, seed: UInt64 = 1,
                passMark: Int? = nil, trainee: String = "") {
        self.scenario = scenario
        self.evaluator = evaluator
        self.mode = mode
        self.seed = seed
        self.passMark = passMark ?? scenario.passMark
        turnID = scenario.start
        meters = Dictionary(uniqueKeysWithValues: scenario.meters.map { ($0.name, $0.start) })
        phase = mode == .exam ? .identifyType : .reply
        buyerLine = ""
        events.append(.start(scenario: scenario.id, mode: mode, seed: seed, trainee: trainee, passMark: self.passMark))
        buyerLine = present(turnID)
    }

    /// The current turn.
    public var turn: Turn? { scenario.turn(turnID) }

    /// Exchanges that count (not rewound).
    public var countedExchanges: [Exchange] { exchanges.filter { !$0.rewound } }

    private mutating func present(_ id: String) -> String {
        let visit = visits[id, default: 0]
        visits[id] = visit + 1
        guard let turn = scenario.turn(id), !turn.lines.isEmpty else { return "" }
        var rng = SplitMix64(seed: seed ^ FNV1a.hash(id.utf8) ^ UInt64(visit) &* 0x9E37_79B9_7F4A_7C15)
        let line = turn.lines[Int(rng.next() % UInt64(turn.lines.count))]
        events.append(.buyer(turn: id, text: line))
        return line
    }

    // MARK: exam opening

    /// Exam mode: the rep names the buyer's value type from the opening line. An answer that names
    /// no type (or several) is not recorded and the question stays open (`guess` is nil): ask again.
    @discardableResult
    public mutating func identifyType(_ answer: String) -> TypeGuess {
        let guess = TypeGuess(answer: answer, guess: ValueType.parseAnswer(answer), actual: scenario.valueType)
        guard guess.guess != nil else { return guess }
        typeGuess = guess
        events.append(.typeGuess(answer: answer, guess: guess.guess, correct: guess.correct))
        if phase == .identifyType { phase = .reply }
        return guess
    }

    // MARK: replies

    /// Scores a reply, follows the first branch whose condition holds, and moves the dialogue on.
    @discardableResult
    public mutating func respond(_ reply: String) throws(Refusal) -> Exchange {
        guard phase != .ended else { throw .ended }
        if phase == .identifyType { phase = .reply }
        let turn = self.turn
        let expectation = turn.map(TurnExpectation.init)
        let assessment = evaluator.assess(reply, buyer: scenario.valueType, expectation: expectation, prompt: buyerLine)
        snapshots.append(Snapshot(turnID: turnID, meters: meters, visits: visits, buyerLine: buyerLine))
        let number = exchanges.count + 1
        let countedSoFar = countedExchanges.count + 1
        let context = BranchContext(assessment: assessment, turn: countedSoFar, meters: meters, buyer: scenario.valueType)
        var exchange = Exchange(number: number, turn: turnID, buyerLine: buyerLine, reply: reply, assessment: assessment,
                                branch: nil, changes: [], reaction: nil, nextTurn: turnID, ending: nil, rewound: false,
                                expected: turn?.expect ?? [])
        if let turn, let index = turn.branches.firstIndex(where: { $0.condition?.evaluate(in: context) ?? true }) {
            let branch = turn.branches[index]
            exchange.branch = index
            for effect in branch.effects {
                guard let meter = scenario.meter(effect.meter) else { continue }
                let from = meters[effect.meter] ?? meter.start
                // Saturating: the loader bounds effects, but a scenario built in code is not checked.
                let (sum, overflow) = from.addingReportingOverflow(effect.delta)
                let to = min(meter.max, max(meter.min, overflow ? (effect.delta > 0 ? Int.max : Int.min) : sum))
                meters[effect.meter] = to
                exchange.changes.append(Exchange.MeterChange(meter: effect.meter, from: from, to: to))
            }
            // A meter at a bound with an ending attached ends the dialogue, whatever the goto says.
            let current = meters
            let boundEnding = scenario.meters.lazy.compactMap { meter -> String? in
                let value = current[meter.name] ?? meter.start
                if value <= meter.min, let end = meter.onMin { return end }
                if value >= meter.max, let end = meter.onMax { return end }
                return nil
            }.first
            let target = boundEnding ?? branch.target
            if let ending = scenario.ending(target) {
                exchange.ending = ending.id
                exchange.nextTurn = nil
            } else {
                exchange.nextTurn = target
            }
            exchange.reaction = turn.reaction(to: assessment, branch: branch, endsDialogue: exchange.ending != nil)
        }
        if exchange.ending == nil && countedSoFar >= Self.maxReplies {
            exchange.ending = scenario.endings.first { $0.kind == .left }?.id ?? scenario.endings.first { $0.kind == .lost }?.id
            exchange.nextTurn = nil
        }
        exchanges.append(exchange)
        events.append(.reply(exchange))
        if let endingID = exchange.ending, let ending = scenario.ending(endingID) {
            finish(with: ending)
        } else if let next = exchange.nextTurn {
            turnID = next
            buyerLine = present(next)
        }
        return exchange
    }

    private mutating func finish(with ending: Ending) {
        self.ending = ending
        phase = .ended
        events.append(.end(ending: ending.id, kind: ending.kind, scorecard: scorecard()))
    }

    /// Ends the session early (Ctrl-D, /quit, SIGTERM): the buyer is left waiting.
    public mutating func abandon() {
        guard phase != .ended else { return }
        phase = .ended
        events.append(.end(ending: nil, kind: nil, scorecard: scorecard()))
    }

    /// Ends the session because its time limit ran out (an exam so ended is not passed).
    public mutating func timeUp() {
        guard phase != .ended else { return }
        timedOut = true
        abandon()
    }

    // MARK: practice helpers

    /// Undoes the last counted exchange; it stays in the transcript, marked as rewound.
    public mutating func rewind() throws(Refusal) {
        guard mode == .practice else { throw .notInExam }
        guard phase != .ended else { throw .ended }
        guard let index = exchanges.lastIndex(where: { !$0.rewound }), let snapshot = snapshots.popLast() else {
            throw .nothingToRewind
        }
        exchanges[index].rewound = true
        turnID = snapshot.turnID
        meters = snapshot.meters
        visits = snapshot.visits
        buyerLine = snapshot.buyerLine
        events.append(.rewind(number: exchanges[index].number, turn: turnID))
        events.append(.buyer(turn: turnID, text: buyerLine))
    }

    /// The current turn's hint; each one taken costs points on the scorecard.
    /// Flags the last reply (not rewound) for an instructor: the transcript records it with its
    /// assessment and the rep's note ("this deserved price-angle"); `dojo flags` collects them.
    @discardableResult
    public mutating func flag(note: String) throws(Refusal) -> Exchange {
        guard let last = exchanges.last(where: { !$0.rewound }) else { throw .nothingToFlag }
        events.append(.flag(exchange: last, note: note))
        return last
    }

    /// Flags the reply at `position` (1-based) among the counted replies, as the scorecard numbers
    /// them: after an exam's scorecard the rep can flag any reply, not only the last.
    @discardableResult
    public mutating func flag(counted position: Int, note: String) throws(Refusal) -> Exchange {
        let counted = countedExchanges
        guard position >= 1, position <= counted.count else { throw .nothingToFlag }
        let exchange = counted[position - 1]
        events.append(.flag(exchange: exchange, note: note))
        return exchange
    }

    public mutating func hint() throws(Refusal) -> String {
        guard mode == .practice else { throw .notInExam }
        guard phase != .ended else { throw .ended }
        guard let hint = turn?.hint else { throw .noHint }
        hints.append(turnID)
        events.append(.hint(turn: turnID, text: hint))
        return hint
    }

    /// The score so far and at the end.
    public func scorecard() -> Scorecard {
        Scorecard(session: self)
    }

}

/// What branch conditions read.
struct BranchContext: ConditionContext {
    var assessment: Assessment
    var turn: Int
    var meters: [String: Int]
    var buyer: ValueType

    var score: Double { Double(assessment.score ?? 0) }
    var mismatch: Bool { assessment.alignment == .mismatch }
    func meter(_ name: String) -> Int { meters[name] ?? 0 }
    func used(_ tacticID: String) -> Bool { assessment.used(tacticID) }
}

/// A small deterministic generator (SplitMix64): the same seed picks the same variants everywhere.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    /// Seeds the generator.
    public init(seed: UInt64) { state = seed }
    /// The next value.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
