/// `drill_answer`: the rep named a statement's buyer type.
public struct DrillAnswerRecord: TranscriptEvent {
    public static let kind = "drill_answer"
    /// 1-based position.
    public var number: Int
    /// Item id.
    public var item: String
    /// The item's actual type.
    public var type: ValueType?
    /// What the rep typed.
    public var text: String
    /// The type read from it.
    public var guess: ValueType?
    /// Whether the type is right.
    public var correct: Bool
    /// The reason given, if any.
    public var reason: String?
    /// Whether the reason named the right type's criteria (nil without a reason).
    public var reasonFits: Bool?

    /// The record of a live answer.
    public init(_ answer: DrillSession.Answer) {
        number = answer.number
        item = answer.item.id
        type = answer.item.type
        text = answer.text
        guess = answer.guess
        correct = answer.correct
        reason = answer.reason
        reasonFits = answer.reasonFits
    }

    public init(fields f: RecordFields) throws(Transcript.DamagedLine) {
        number = try f.int("n", in: RecordLimits.count)
        item = try f.optionalString("item") ?? ""
        type = try f.optionalEnum("type", ValueType.self)
        text = try f.optionalString("text") ?? ""
        guess = try f.optionalEnum("guess", ValueType.self)
        correct = try f.bool("correct")
        reason = try f.optionalString("reason")
        reasonFits = try f.optionalBool("reason_fits")
    }

    public func encode(to w: inout JSONWriter) {
        w.key("n"); w.int(number)
        w.key("item"); w.string(item)
        w.key("type"); w.string(type?.rawValue)
        w.key("text"); w.string(text)
        w.key("guess"); w.string(guess?.rawValue)
        w.key("correct"); w.bool(correct)
        w.key("reason"); w.string(reason)
        w.key("reason_fits")
        if let reasonFits { w.bool(reasonFits) } else { w.null() }
    }
}
