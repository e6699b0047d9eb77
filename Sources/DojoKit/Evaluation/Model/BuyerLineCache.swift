/// The buyer lines the trained detector has read lately, kept with what it read of them (`FeatureExtractor.BuyerLine`):
/// every reply to a turn answers the same line, and a `dojo grade` batch often repeats one, while reading a line again —
/// normalising, stemming and hashing it — cost about 5,000 instructions a reply.
///
/// Held in `ReplyBuffers`, so one call uses it at a time. Lines are matched by their UTF-8 bytes (not by `String`'s
/// canonical equivalence): the same bytes always read the same.
struct BuyerLineCache: Sendable {
    /// How many lines are kept; the oldest is replaced first.
    static let capacity = 8

    private var lines: [String] = []
    private var read: [FeatureExtractor.BuyerLine] = []
    private var oldest = 0

    /// What the features read of `line`, from the kept lines or read now (its first `Evaluator.maxAnalysedScalars`
    /// scalars, as the reply's are).
    mutating func buyerLine(_ line: String) -> FeatureExtractor.BuyerLine {
        let count = line.utf8.count
        for i in lines.indices where lines[i].utf8.count == count && lines[i].utf8.elementsEqual(line.utf8) { return read[i] }
        let buyerLine = FeatureExtractor.BuyerLine(NormalizedText(String(String.UnicodeScalarView(line.unicodeScalars.prefix(Evaluator.maxAnalysedScalars)))))
        if lines.count < Self.capacity {
            lines.append(line)
            read.append(buyerLine)
        } else {
            lines[oldest] = line
            read[oldest] = buyerLine
            oldest = (oldest + 1) % Self.capacity
        }
        return buyerLine
    }
}
