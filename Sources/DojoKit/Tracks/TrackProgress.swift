/// Where a trainee stands in a track: each step done (tried), passed, and the next one to do.
public struct TrackProgress: Sendable, Hashable {
    /// One step's standing.
    public struct StepStatus: Sendable, Hashable {
        /// The step.
        public var step: Track.Step
        /// Sessions of it.
        public var attempts: Int
        /// Best total.
        public var best: Int?
        /// Whether it was passed.
        public var passed: Bool
    }

    /// The track.
    public var track: Track
    /// Each step, in order.
    public var steps: [StepStatus]

    /// The first step not passed (1-based index and step), nil when the track is complete.
    public var next: (index: Int, step: Track.Step)? {
        guard let i = steps.firstIndex(where: { !$0.passed }) else { return nil }
        return (i + 1, steps[i].step)
    }

    /// Steps passed.
    public var passedCount: Int { steps.filter(\.passed).count }

    /// Computes the standing from one trainee's sessions. A scenario step counts sessions in either
    /// mode; an exam step only exam sessions, passed when the exam was passed and the total reaches
    /// the step's mark. The guide step is passed once the trainee read the guide (`guideReads`, from
    /// the store) or, for stores from before guide reads were recorded, once any later step was tried.
    public init(track: Track, sessions: [SessionSummary], guideReads: Int = 0, scenarioPassMark: (String) -> Int) {
        self.track = track
        var statuses: [StepStatus] = []
        for step in track.steps {
            let relevant: [SessionSummary] = switch step.kind {
            case .guide: []
            case .drill: sessions.filter { $0.kind == .drill && $0.activity == step.id && $0.outcome == .finished }
            case .scenario: sessions.filter { $0.kind == .play && $0.activity == step.id && $0.outcome != .unfinished }
            case .exam: sessions.filter { $0.kind == .play && $0.activity == step.id && $0.mode == "exam" && $0.outcome != .unfinished }
            }
            let mark = step.pass ?? scenarioPassMark(step.id)
            let best = relevant.map(\.total).max()
            let passed = relevant.contains { $0.total >= mark && (step.kind != .exam || $0.passed != false) }
            statuses.append(StepStatus(step: step, attempts: relevant.count, best: best, passed: passed))
        }
        for i in statuses.indices where statuses[i].step.kind == .guide {
            statuses[i].attempts = guideReads
            statuses[i].passed = guideReads > 0 || statuses[(i + 1)...].contains { $0.attempts > 0 }
        }
        steps = statuses
    }
}
