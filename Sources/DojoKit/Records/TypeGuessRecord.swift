/// `type_guess`: in an exam, the rep named the buyer's value type.
public struct TypeGuessRecord: TranscriptEvent {
    public static let kind = "type_guess"
    /// What the rep typed.
    public var answer: String
    /// The type read from it.
    public var guess: ValueType?
    /// Whether it was right.
    public var correct: Bool

    /// A type-guess record.
    public init(answer: String, guess: ValueType?, correct: Bool) {
        self.answer = answer
        self.guess = guess
        self.correct = correct
    }

    public init(fields f: RecordFields) throws(Transcript.DamagedLine) {
        answer = try f.optionalString("answer") ?? ""
        guess = try f.optionalEnum("guess", ValueType.self)
        correct = try f.bool("correct")
    }

    public func encode(to w: inout JSONWriter) {
        w.key("answer"); w.string(answer)
        w.key("guess"); w.string(guess?.rawValue)
        w.key("correct"); w.bool(correct)
    }
}
