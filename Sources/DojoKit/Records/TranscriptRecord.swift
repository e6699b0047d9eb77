/// One line of a transcript, typed: play and drill events side by side. The single encoder
/// (`encoded()`) and decoder (`decode(_:line:)`) of the transcript format.
public enum TranscriptRecord: Sendable, Hashable {
    case start(StartRecord)
    case buyer(BuyerRecord)
    case typeGuess(TypeGuessRecord)
    case reply(ReplyRecord)
    case hint(HintRecord)
    case rewind(RewindRecord)
    case flag(FlagRecord)
    case end(EndRecord)
    case drillStart(DrillStartRecord)
    case drillAnswer(DrillAnswerRecord)
    case drillEnd(DrillEndRecord)
    /// A kind this version does not know (written by a newer dojo): skipped with a note.
    case unknown(kind: String)

    /// Decoders by event name: a new kind plugs in here.
    static let decoders: [String: @Sendable (RecordFields) throws(Transcript.DamagedLine) -> TranscriptRecord] = [
        StartRecord.kind: { f throws(Transcript.DamagedLine) in .start(try StartRecord(fields: f)) },
        BuyerRecord.kind: { f throws(Transcript.DamagedLine) in .buyer(try BuyerRecord(fields: f)) },
        TypeGuessRecord.kind: { f throws(Transcript.DamagedLine) in .typeGuess(try TypeGuessRecord(fields: f)) },
        ReplyRecord.kind: { f throws(Transcript.DamagedLine) in .reply(try ReplyRecord(fields: f)) },
        HintRecord.kind: { f throws(Transcript.DamagedLine) in .hint(try HintRecord(fields: f)) },
        RewindRecord.kind: { f throws(Transcript.DamagedLine) in .rewind(try RewindRecord(fields: f)) },
        FlagRecord.kind: { f throws(Transcript.DamagedLine) in .flag(try FlagRecord(fields: f)) },
        EndRecord.kind: { f throws(Transcript.DamagedLine) in .end(try EndRecord(fields: f)) },
        DrillStartRecord.kind: { f throws(Transcript.DamagedLine) in .drillStart(try DrillStartRecord(fields: f)) },
        DrillAnswerRecord.kind: { f throws(Transcript.DamagedLine) in .drillAnswer(try DrillAnswerRecord(fields: f)) },
        DrillEndRecord.kind: { f throws(Transcript.DamagedLine) in .drillEnd(try DrillEndRecord(fields: f)) },
    ]

    /// The event inside, for encoding.
    var event: (any TranscriptEvent)? {
        switch self {
        case let .start(e): e
        case let .buyer(e): e
        case let .typeGuess(e): e
        case let .reply(e): e
        case let .hint(e): e
        case let .rewind(e): e
        case let .flag(e): e
        case let .end(e): e
        case let .drillStart(e): e
        case let .drillAnswer(e): e
        case let .drillEnd(e): e
        case .unknown: nil
        }
    }

    /// The line's `"event"` name.
    public var kind: String {
        if case let .unknown(kind) = self { return kind }
        return event.map { type(of: $0).kind } ?? ""
    }

    /// Reads one parsed line. An object without `"event"` or with a wrong field is damage; an
    /// unknown event name is `.unknown`.
    public static func decode(_ value: JSONValue, line: Int) throws(Transcript.DamagedLine) -> TranscriptRecord {
        let fields = try RecordFields(value, line: line)
        let kind = try fields.string("event")
        guard let decoder = decoders[kind] else { return .unknown(kind: kind) }
        return try decoder(fields)
    }

    /// The record as one JSON object (no newline), keys in a fixed order.
    public func encoded() -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("event")
        w.string(kind)
        event?.encode(to: &w)
        w.endObject()
        return w.bytes
    }
}
