/// How an exam came out, and why when it was not passed. A script tells them apart by `dojo play`'s
/// exit status; the transcript's scorecard records it as `passed` and `reason`.
public enum ExamVerdict: String, Sendable, Hashable, CaseIterable {
    /// The dialogue reached a won or lost ending and the total reached the pass mark.
    case passed
    /// The dialogue reached an ending, but the total is below the pass mark.
    case belowPassMark = "below-pass-mark"
    /// The rep left before an ending: /quit, /restart, Ctrl-C twice, Ctrl-D, end of input, a signal.
    case notFinished = "not-finished"
    /// The buyer walked out before the last turn.
    case buyerLeft = "buyer-left"
    /// The exam's time limit ran out.
    case timeUp = "time-up"

    /// Whether the exam counts as passed.
    public var isPassed: Bool { self == .passed }

    /// Whether the exam was cut short (as opposed to completed and graded).
    public var isUnfinished: Bool { self == .notFinished || self == .buyerLeft || self == .timeUp }
}
