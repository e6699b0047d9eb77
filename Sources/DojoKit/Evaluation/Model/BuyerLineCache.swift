/// The buyer lines the trained detector has read lately, kept with what it read of them (`FeatureExtractor.BuyerLine`):
/// every reply to a turn answers the same line, and a `dojo grade` batch often repeats one, while reading a line again —
/// normalising, stemming and hashing it — cost about 5,000 instructions a reply.
///
/// Held in `ReplyBuffers`, so one call uses it at a time. Lines are matched by their UTF-8 bytes (not by `String`'s
/// canonical equivalence): the same bytes always read the same.
struct BuyerLineCache: Sendable {
    /// How many lines are kept; the oldest is replaced first.
    static let capacity = 8
    /// Longer lines are read every time, not kept (a buyer's line is a sentence or two; a huge one is not held on to).
    static let longestKept = 4_096

    private var kept: [(line: String, read: FeatureExtractor.BuyerLine)] = []
    private var oldest = 0

    /// What the features read of `line`, from the kept lines or read now (its first `Evaluator.maxAnalysedScalars`
    /// scalars, as the reply's are).
    mutating func buyerLine(_ line: String) -> FeatureExtractor.BuyerLine {
        for entry in kept where Self.sameBytes(entry.line, line) { return entry.read }
        let buyerLine = FeatureExtractor.BuyerLine(NormalizedText(Evaluator.analysedPart(of: line)))
        if line.utf8.count > Self.longestKept { return buyerLine }
        if kept.count < Self.capacity {
            kept.append((line, buyerLine))
        } else {
            kept[oldest] = (line, buyerLine)
            oldest = (oldest + 1) % Self.capacity
        }
        return buyerLine
    }

    /// Whether two strings hold the same UTF-8 bytes (read in place: a native string's `withUTF8` copies nothing).
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.elementsEqual(y) } }
    }
}
