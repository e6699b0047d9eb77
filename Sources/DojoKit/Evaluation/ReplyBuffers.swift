import Foundation

/// Working arrays one `Evaluator.assess` call fills and empties again: the folded text, the stemmed text, the
/// signal spans, the cue matcher's lists, the feature reading, tokens and features, the exemplar similarities. Their
/// contents never outlive the call; only their capacity is kept for the next one, since each array allocation
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
    var pieceHits: [Analysis.PieceHit] = []
    var roleHits: [Analysis.RoleHit] = []
    var candidates: [Analysis.CueMatch] = []
    var credited: [Analysis.CueMatch] = []
    var units: [Analysis.EvidenceUnit] = []
    var segments: [Analysis.Occurrence] = []
    var occurrences: [Analysis.Occurrence] = []
    var reading: [FeatureExtractor.Reading.Scalar] = []
    var tokens: [FeatureExtractor.Token] = []
    var features: [FeatureExtractor.Feature] = []
    var plainFeatures: [FeatureExtractor.Feature] = []
    var similarities: [Double] = []
    var findings: [DetectorFinding] = []
    var positions = FindingCombiner.Positions()
}

/// The sets of `ReplyBuffers` not in use, shared by the threads that use one evaluator: taking and giving back a
/// set is a short critical section (an uncontended lock costs far less than the allocations it saves).
final class ReplyBufferPool: @unchecked Sendable {
    // @unchecked: `free` is only touched with `lock` held.
    private let lock = NSLock()
    private var free: [ReplyBuffers] = []
    /// More sets than threads are never needed; this bounds what a burst of threads leaves behind.
    private static let kept = 16

    /// A set for one call: a free one, or a new empty one.
    func take() -> ReplyBuffers {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast() ?? ReplyBuffers()
    }

    /// Gives a set back once its call is done with it (moved out: `buffers` is left empty).
    func giveBack(_ buffers: inout ReplyBuffers) {
        lock.lock()
        defer { lock.unlock() }
        guard free.count < Self.kept else { return }
        // Moved, not copied: a copy would retain every array in it, and dropping the caller's release them again.
        free.append(ReplyBuffers())
        swap(&free[free.count - 1], &buffers)
    }
}
