/// What exploring a scenario's branch space found: every reachable ending with the lowest and
/// highest total score a trainee can finish it with and one shortest path to it, dead ends, meter
/// effects cut off at a bound, and which turns and branches any path reaches.
public struct Exploration: Sendable, Hashable {
    /// One reply on a path: the turn answered, the class of reply and the branch it takes (nil: none applies).
    public struct Step: Sendable, Hashable {
        /// The turn answered.
        public var turn: String
        /// The branch taken, 0-based; nil when no branch applies.
        public var branch: Int?
        /// The kind of reply.
        public var replyClass: ReplyClass
    }

    /// A reachable ending.
    public struct EndingReach: Sendable, Hashable {
        /// The ending's id.
        public var ending: String
        /// Won, lost or left.
        public var kind: Ending.Kind
        /// Lowest total score (0–100, no hints) any path reaching it can have.
        public var minTotal: Int
        /// Highest total score any path reaching it can have.
        public var maxTotal: Int
        /// One path with the fewest replies.
        public var shortestPath: [Step]
        /// Distinct paths (by reply class and branch) that reach it, saturating at `UInt64.max`.
        public var paths: UInt64
        /// Whether only the safety net (`Session.maxReplies` replies) reaches it, not a branch or meter.
        public var onlyByCutOff: Bool
    }

    /// Where the dialogue gets stuck.
    public struct DeadEnd: Sendable, Hashable {
        /// Why.
        public enum Reason: Sendable, Hashable {
            /// No branch applies to this class of reply: the buyer repeats the turn.
            case noBranchApplies(ReplyClass)
            /// From here no ending can be reached but by the reply-count safety net.
            case noWayOut
        }
        /// The turn.
        public var turn: String
        /// Meter values there, in the scenario's meter order.
        public var meters: [Int]
        /// Why it is a dead end.
        public var reason: Reason
        /// One path to it.
        public var path: [Step]
    }

    /// A meter effect that would have gone past a bound and was held at it.
    public struct MeterViolation: Sendable, Hashable {
        /// The turn whose branch has the effect.
        public var turn: String
        /// The branch, 0-based.
        public var branch: Int
        /// The meter.
        public var meter: String
        /// The value the effect asked for.
        public var wanted: Int
        /// The bound it was held at.
        public var heldAt: Int
    }

    /// A branch of a turn.
    public struct BranchRef: Sendable, Hashable, Comparable {
        /// The turn id.
        public var turn: String
        /// The branch, 0-based.
        public var branch: Int

        public static func < (a: BranchRef, b: BranchRef) -> Bool { (a.turn, a.branch) < (b.turn, b.branch) }
    }

    /// Reachable endings, in the scenario's ending order.
    public var endings: [EndingReach] = []
    /// Endings no path reaches, in the scenario's order.
    public var unreachedEndings: [String] = []
    /// Dead ends, one per turn and reason kind, in order of discovery (which is deterministic).
    public var deadEnds: [DeadEnd] = []
    /// Effects held at a meter bound, one per branch and meter.
    public var meterViolations: [MeterViolation] = []
    /// Turns some path answers, in the scenario's order.
    public var visitedTurns: [String] = []
    /// Branches some path takes.
    public var takenBranches: Set<BranchRef> = []
    /// Branches whose condition holds on some path (taken or not).
    public var holdingBranches: Set<BranchRef> = []
    /// Where each turn leads on some path: next turn or ending ids.
    public var targets: [String: Set<String>] = [:]
    /// The lowest and highest value each meter takes on some path.
    public var meterRanges: [String: ClosedRange<Int>] = [:]
    /// Paths walked (exhaustive) or counted (merged walk), saturating.
    public var paths: UInt64 = 0
    /// Exhaustive only: the walk stopped at its cap, so the figures cover only the paths walked.
    public var truncated = false
    /// Whether the states were merged (the default walk) or every path was walked (`--exhaustive`).
    public var exhaustive = false
}

extension UInt64 {
    /// The sum, held at `UInt64.max` instead of overflowing (path counts grow exponentially).
    func addingSaturating(_ other: UInt64) -> UInt64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
