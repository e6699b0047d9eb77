extension SessionEvent {
    /// Transcript schema version, written in the start event.
    public static var schemaVersion: Int { Transcript.schemaVersion }

    /// The event as a typed transcript record. `explain` renders explanation items for the record;
    /// `endedAt` is written in the `end` record.
    public func record(scenarioHash: String? = nil, startedAt: String? = nil, endedAt: String? = nil,
                       explain: (ExplanationItem) -> String) -> TranscriptRecord {
        switch self {
        case let .start(scenario, mode, seed, trainee, passMark):
            .start(StartRecord(scenario: scenario, scenarioHash: scenarioHash, trainee: trainee, mode: mode, seed: String(seed),
                               passMark: passMark, startedAt: startedAt))
        case let .buyer(turn, text):
            .buyer(BuyerRecord(turn: turn, text: text))
        case let .typeGuess(answer, guess, correct):
            .typeGuess(TypeGuessRecord(answer: answer, guess: guess, correct: correct))
        case let .reply(exchange):
            .reply(ReplyRecord(exchange, explain: explain))
        case let .hint(turn, text):
            .hint(HintRecord(turn: turn, text: text))
        case let .rewind(number, turn):
            .rewind(RewindRecord(number: number, turn: turn))
        case let .flag(exchange, note):
            .flag(FlagRecord(exchange, note: note, explain: explain))
        case let .end(ending, kind, scorecard):
            .end(EndRecord(ending: ending, endingKind: kind, scorecard: ScorecardRecord(scorecard), endedAt: endedAt))
        }
    }

    /// The event as one JSON line (no newline), through the transcript's one encoder.
    public func json(scenarioHash: String? = nil, startedAt: String? = nil, endedAt: String? = nil,
                     explain: (ExplanationItem) -> String) -> [UInt8] {
        record(scenarioHash: scenarioHash, startedAt: startedAt, endedAt: endedAt, explain: explain).encoded()
    }
}
