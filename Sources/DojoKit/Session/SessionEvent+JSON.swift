extension SessionEvent {
    /// Transcript schema version, written in the start event.
    public static let schemaVersion = 1

    /// The event as one JSON object (no newline). `explain` renders explanation items for the record.
    public func json(scenarioHash: String? = nil, startedAt: String? = nil,
                     explain: (ExplanationItem) -> String) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("event")
        w.string(name)
        switch self {
        case let .start(scenario, mode, seed, trainee, passMark):
            w.key("schema"); w.int(Self.schemaVersion)
            w.key("scenario"); w.string(scenario)
            if let scenarioHash { w.key("scenario_hash"); w.string(scenarioHash) }
            w.key("trainee"); w.string(trainee)
            w.key("mode"); w.string(mode.rawValue)
            w.key("seed"); w.string(String(seed))
            w.key("pass_mark"); w.int(passMark)
            if let startedAt { w.key("started_at"); w.string(startedAt) }
        case let .buyer(turn, text):
            w.key("turn"); w.string(turn)
            w.key("text"); w.string(text)
        case let .typeGuess(answer, guess, correct):
            w.key("answer"); w.string(answer)
            w.key("guess"); w.string(guess?.rawValue)
            w.key("correct"); w.bool(correct)
        case let .reply(exchange):
            w.key("n"); w.int(exchange.number)
            w.key("turn"); w.string(exchange.turn)
            w.key("text"); w.string(exchange.reply)
            w.key("assessment")
            Self.write(exchange.assessment, to: &w, explain: explain)
            w.key("branch")
            if let branch = exchange.branch { w.int(branch) } else { w.null() }
            w.key("effects")
            w.beginArray()
            for change in exchange.changes {
                w.beginObject()
                w.key("meter"); w.string(change.meter)
                w.key("from"); w.int(change.from)
                w.key("to"); w.int(change.to)
                w.endObject()
            }
            w.endArray()
            w.key("reaction"); w.string(exchange.reaction)
            w.key("next"); w.string(exchange.nextTurn)
            w.key("ending"); w.string(exchange.ending)
        case let .hint(turn, text):
            w.key("turn"); w.string(turn)
            w.key("text"); w.string(text)
        case let .rewind(number, turn):
            w.key("n"); w.int(number)
            w.key("turn"); w.string(turn)
        case let .flag(exchange, note):
            w.key("n"); w.int(exchange.number)
            w.key("turn"); w.string(exchange.turn)
            w.key("buyer"); w.string(exchange.buyerLine)
            w.key("text"); w.string(exchange.reply)
            w.key("note"); w.string(note)
            w.key("assessment")
            Self.write(exchange.assessment, to: &w, explain: explain)
        case let .end(ending, kind, scorecard):
            w.key("ending"); w.string(ending)
            w.key("kind"); w.string(kind?.rawValue)
            w.key("scorecard")
            Self.write(scorecard, to: &w)
        }
        w.endObject()
        return w.bytes
    }

    static func write(_ a: Assessment, to w: inout JSONWriter, explain: (ExplanationItem) -> String) {
        w.beginObject()
        w.key("score")
        if let score = a.score { w.int(score) } else { w.null() }
        w.key("orientation"); w.string(a.orientation?.rawValue ?? "none")
        w.key("alignment"); w.string(a.alignment.rawValue)
        w.key("tactics")
        w.beginArray()
        for finding in a.tactics + a.antiPatterns {
            w.beginObject()
            w.key("id"); w.string(finding.id)
            w.key("type"); w.string(finding.valueType?.rawValue ?? "anti-pattern")
            w.key("confidence"); w.number(finding.confidence)
            w.key("used"); w.bool(finding.isUsed)
            w.key("evidence"); w.beginArray(); finding.evidence.forEach { w.string($0) }; w.endArray()
            w.key("cues"); w.beginArray(); finding.cues.forEach { w.string($0) }; w.endArray()
            w.key("similarity"); w.number(finding.similarity)
            w.key("negated"); w.beginArray(); finding.negated.forEach { w.string($0.quote) }; w.endArray()
            w.key("questioned"); w.beginArray(); finding.questioned.forEach { w.string($0) }; w.endArray()
            w.endObject()
        }
        w.endArray()
        let s = a.signals
        w.key("signals")
        w.beginObject()
        w.key("question"); w.bool(s.asksQuestion)
        w.key("quantified"); w.bool(s.quantifiesValue)
        w.key("length"); w.int(s.length)
        w.key("joint"); w.bool(s.jointFraming)
        w.key("executive"); w.bool(s.executiveFraming)
        w.key("figures"); w.beginArray(); s.figures.forEach { w.string($0) }; w.endArray()
        w.endObject()
        w.key("cue_stuffing"); w.bool(a.cueStuffing)
        w.key("explanation"); w.beginArray(); a.explanation.forEach { w.string(explain($0)) }; w.endArray()
        w.endObject()
    }

    static func write(_ card: Scorecard, to w: inout JSONWriter) {
        w.beginObject()
        w.key("total"); w.int(card.total)
        w.key("average"); w.int(card.average)
        w.key("hints"); w.int(card.hintsUsed)
        w.key("rewinds"); w.int(card.rewinds)
        w.key("turns")
        w.beginArray()
        for turn in card.turns {
            w.beginObject()
            w.key("n"); w.int(turn.number)
            w.key("turn"); w.string(turn.turn)
            w.key("score"); w.int(turn.score)
            w.key("alignment"); w.string(turn.alignment.rawValue)
            w.endObject()
        }
        w.endArray()
        w.key("tactics")
        w.beginArray()
        for tactic in card.tactics {
            w.beginObject()
            w.key("id"); w.string(tactic.id)
            w.key("uses"); w.int(tactic.uses)
            w.key("best"); w.number(tactic.bestConfidence)
            w.endObject()
        }
        w.endArray()
        w.key("alignment")
        w.beginObject()
        w.key("match"); w.int(card.matched)
        w.key("mismatch"); w.int(card.mismatched)
        w.key("none"); w.int(card.unoriented)
        w.endObject()
        if let passMark = card.passMark { w.key("pass_mark"); w.int(passMark) }
        if let verdict = card.verdict {
            w.key("passed"); w.bool(verdict.isPassed)
            w.key("reason"); w.string(verdict.rawValue)
        }
        if let guess = card.typeGuess { w.key("type_guess_correct"); w.bool(guess.correct) }
        w.endObject()
    }
}
