import Foundation

/// Working arrays one `Evaluator.assess` call fills and empties again: the folded text, the stemmed text, the
/// signal spans, the cue matcher's lists, the feature reading, tokens and features, the exemplar similarities. Their
/// contents never outlive the call (but for `buyerLines`, the buyer lines read lately); only their capacity is kept for the next one, since each array allocation
/// cost 600–900 instructions and a reply made about 25 of them (a third of the evaluator's time went to
/// allocating, reference counting and freeing).
///
/// A value: a call borrows one set from the evaluator's `ReplyBufferPool`, owns it alone while it runs, and
/// gives it back. An array still referenced elsewhere when it is reused is copied on write, as any array is.
struct ReplyBuffers: Sendable {
    var scalars: [UInt32] = []
    var origins: [Int32] = []
    var stemmed = EnglishStemmer.Folded()
    var spans: [SignalScanner.Span] = []
    var matches: [AhoCorasick.Match] = []
    var pieceHits: [Analysis.PieceHit] = []
    var roleHits: [Analysis.RoleHit] = []
    var candidates: [Analysis.CueMatch] = []
    var credited: [Analysis.CueMatch] = []
    var units: [Analysis.EvidenceUnit] = []
    var segments: [Analysis.Occurrence] = []
    var occurrences: [Analysis.Occurrence] = []
    var reading: [FeatureExtractor.Reading.Scalar] = []
    var tokens: [FeatureExtractor.Token] = []
    var plainTokens: [FeatureExtractor.Token] = []
    /// The reply's words, read by the analysis for the model's tokens (`ReplyWords.isRead` says whether they are this reply's).
    var words = ReplyWords()
    var features: [FeatureExtractor.Feature] = []
    var plainFeatures: [FeatureExtractor.Feature] = []
    /// The n-gram table's reading (`NgramReader`): as written, and without the negation words; and the positions read.
    var ngrams: [NgramOccurrence] = []
    var plainNgrams: [NgramOccurrence] = []
    var ngramView: [Int32] = []
    var similarities: [Double] = []
    var terms: [UInt64] = []
    var findings: [DetectorFinding] = []
    var positions = FindingCombiner.Positions()
    /// The trained model's own reading of which value type the reply speaks to: the probabilities of its orientation
    /// outputs (intrinsic, extrinsic, strategic in lanes 0-2), set by the model detector when the reply's candidate
    /// tactics are of more than one type, else zero. `Evaluator.orientation` weighs them where used tactics of two types
    /// compete; the evaluator clears them before each reply.
    var typeLean = SIMD4<Float>()
    /// Not emptied between calls: the buyer lines read lately, for the next replies to them.
    var buyerLines = BuyerLineCache()
}

/// One set of `ReplyBuffers`, held by reference: a call takes a box from the pool, works in its buffers in place and
/// gives the box back. Moving the set itself in and out of the pool copied its twenty arrays' references each way, and
/// made and dropped an empty set per reply (together about 1,300 instructions a reply).
final class ReplyBufferBox: @unchecked Sendable {
    // @unchecked, and no run-time exclusivity checks: the pool hands a box to one call at a time, which alone uses it
    // until it gives it back.
    @exclusivity(unchecked) var buffers = ReplyBuffers()
}

/// The boxes of `ReplyBuffers` not in use, shared by the threads that use one evaluator: taking and giving back a
/// box is a short critical section (an uncontended lock costs far less than the allocations it saves).
final class ReplyBufferPool: @unchecked Sendable {
    // @unchecked: `free` is only touched with `lock` held (so its run-time exclusivity checks are not needed either).
    private let lock = NSLock()
    @exclusivity(unchecked) private var free: [ReplyBufferBox] = []
    /// More sets than threads are never needed; this bounds what a burst of threads leaves behind.
    private static let kept = 16

    /// A box for one call: a free one, or a new one with empty buffers.
    func take() -> ReplyBufferBox {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast() ?? ReplyBufferBox()
    }

    /// Gives a box back once its call is done with it.
    func giveBack(_ box: ReplyBufferBox) {
        lock.lock()
        defer { lock.unlock() }
        guard free.count < Self.kept else { return }
        free.append(box)
    }
}
