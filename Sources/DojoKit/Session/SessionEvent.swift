/// One line of a session's transcript.
public enum SessionEvent: Sendable, Hashable {
    /// The session began.
    case start(scenario: String, mode: SessionMode, seed: UInt64, trainee: String, passMark: Int)
    /// The buyer said a line.
    case buyer(turn: String, text: String)
    /// Exam mode: the rep named the buyer's type.
    case typeGuess(answer: String, guess: ValueType?, correct: Bool)
    /// The rep replied, with the full assessment and what followed.
    case reply(Exchange)
    /// The rep took a hint.
    case hint(turn: String, text: String)
    /// The rep rewound exchange `number`; the dialogue is back at `turn`.
    case rewind(number: Int, turn: String)
    /// The rep flagged a reply's assessment as wrong, with a note for the instructor.
    case flag(exchange: Exchange, note: String)
    /// The session ended at an ending (nil when the rep left early).
    case end(ending: String?, kind: Ending.Kind?, scorecard: Scorecard)

    /// The event's name in the transcript.
    public var name: String {
        switch self {
        case .start: "start"
        case .buyer: "buyer"
        case .typeGuess: "type_guess"
        case .reply: "reply"
        case .hint: "hint"
        case .rewind: "rewind"
        case .flag: "flag"
        case .end: "end"
        }
    }
}
