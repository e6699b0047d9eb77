import ArgumentParser
import DojoKit
import DojoStore
import Foundation

/// `dojo track [ID]`: an onboarding track and where a trainee stands in it.
struct TrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Show an onboarding track (Scenarios/tracks/) and where a trainee stands: done, passed, next.",
        discussion: "Without ID, lists the tracks with the trainee's standing in each. `dojo next` starts the next step."
    )

    @Argument(help: ArgumentHelp("Track id (see `dojo track`).", valueName: "id"))
    var id: String?

    @Option(help: "Whose standing (default: $USER).")
    var trainee: String?

    @OptionGroup var display: DisplayOptions

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var scenarioOptions: ScenarioOptions

    func run() throws {
        let library = try scenarioOptions.library()
        let name = StoreOptions.trainee(trainee)
        let history = try Self.history(of: name, storeOptions: storeOptions)
        let terminal = Terminal.current(noColor: display.noColor)
        let clean = TerminalSanitizer.clean
        guard !library.tracks.isEmpty else { throw CLIError.noTracks }
        guard let id else {
            let ui = display.lang ?? .en
            print(terminal.paint(ui.pick("课程", "Tracks"), .bold) + " — " + clean(name))
            for track in library.tracks {
                let progress = Self.progress(track, history: history, library: library)
                print("  \(clean(track.id))  \(clean(track.title))  \(progress.passedCount)/\(track.steps.count) "
                      + ui.pick("步已通过", "steps passed"))
            }
            return
        }
        let track = try Self.find(id, in: library)
        let ui = display.lang ?? (track.language.isChinese ? .zh : .en)
        let progress = Self.progress(track, history: history, library: library)
        print(terminal.paint("━━ \(clean(track.title)) ━━", .bold))
        print(ui.label("学员", "Trainee") + clean(name) + "  · \(progress.passedCount)/\(track.steps.count) " + ui.pick("步已通过", "steps passed"))
        let nextIndex = progress.next?.index
        var table = TextTable(headers: ["#", ui.pick("步骤", "step"), ui.pick("及格", "pass"), ui.pick("最好", "best"), ui.pick("状态", "status")],
                              alignments: [.right, .left, .right, .right, .left], flexibleColumn: 1)
        for (i, status) in progress.steps.enumerated() {
            let label = Self.label(status.step, library: library, ui: ui)
            let state = status.passed ? ui.pick("✓ 通过", "✓ passed")
                : (i + 1 == nextIndex ? ui.pick("→ 下一步", "→ next") : (status.attempts > 0 ? ui.pick("做过", "tried") : ""))
            table.rows.append(["\(i + 1)", label, status.step.pass.map(String.init) ?? "", status.best.map(String.init) ?? "", state])
        }
        table.render(width: terminal.width, terminal: terminal).forEach { print($0) }
        if let next = progress.next {
            print("")
            print(ui.label("下一步", "Next") + "`dojo next --track \(clean(track.id))` — " + Self.label(next.step, library: library, ui: ui))
        } else {
            print("")
            print(terminal.paint(ui.pick("整个课程都通过了！", "The whole track is passed!"), .green))
        }
    }

    static func label(_ step: Track.Step, library: ScenarioLibrary, ui: UILanguage) -> String {
        let clean = TerminalSanitizer.clean
        switch step.kind {
        case .guide: return ui.pick("阅读指南（dojo guide）", "read the guide (dojo guide)")
        case .drill: return ui.pick("分类练习 ", "drill ") + clean(library.drills.first { $0.id == step.id }?.title ?? step.id)
        case .scenario: return clean(library.scenario(step.id)?.title ?? step.id)
        case .exam: return ui.pick("考试：", "exam: ") + clean(library.scenario(step.id)?.title ?? step.id)
        }
    }

    static func find(_ id: String, in library: ScenarioLibrary) throws -> Track {
        guard let track = library.tracks.first(where: { $0.id == id }) else {
            throw CLIError.unknownTrack(id: id, suggestion: Suggestion.closest(to: id, among: library.tracks.map(\.id)))
        }
        return track
    }

    static func progress(_ track: Track, history: TraineeHistory, library: ScenarioLibrary) -> TrackProgress {
        TrackProgress(track: track, sessions: history.sessions, guideReads: history.guideReads) {
            library.scenario($0)?.passMark ?? Scenario.defaultPassMark
        }
    }

    /// A trainee's sessions and guide reads; none when there is no store yet (a new trainee).
    static func history(of trainee: String, storeOptions: StoreOptions) throws -> TraineeHistory {
        guard FileManager.default.fileExists(atPath: storeOptions.path) else { return TraineeHistory(sessions: [], guideReads: 0) }
        let store = try storeOptions.open(create: false)
        return try history(of: trainee, in: store)
    }

    /// A trainee's sessions and guide reads in an open store.
    static func history(of trainee: String, in store: some ProgressStore) throws -> TraineeHistory {
        TraineeHistory(sessions: try store.sessions(SessionQuery(trainee: trainee)), guideReads: try store.guideReads(trainee: trainee))
    }

    /// The track to follow: the one given, else the one the trainee has got furthest in, else the
    /// first in the trainee's language (by id).
    static func choose(_ id: String?, history: TraineeHistory, library: ScenarioLibrary, lang: UILanguage?) throws -> Track? {
        if let id { return try find(id, in: library) }
        let candidates = library.tracks.filter { lang == nil || $0.language.isChinese == (lang == .zh) }
        let scored = candidates.map { (track: $0, passed: progress($0, history: history, library: library).passedCount) }
        if let best = scored.max(by: { ($0.passed, $1.track.id) < ($1.passed, $0.track.id) }), best.passed > 0 { return best.track }
        return candidates.first ?? library.tracks.first
    }

    /// The next exercise: the next step of the given track, or of the track the trainee is following
    /// (the one with most steps passed, if any); else the weakest-tactic rule.
    static func recommendation(track id: String?, trainee: String, history: TraineeHistory, analysis: ProgressAnalysis,
                               library: ScenarioLibrary, scenarioOptions: ScenarioOptions) throws -> Recommendation? {
        let following = id == nil
            ? library.tracks.map { ($0, progress($0, history: history, library: library).passedCount) }
                .filter { $0.1 > 0 }.max { ($0.1, $1.0.id) < ($1.1, $0.0.id) }?.0
            : nil
        if let track = try id.map({ try find($0, in: library) }) ?? following {
            guard let next = progress(track, history: history, library: library).next else { return nil }
            let kind: Recommendation.Kind = switch next.step.kind {
            case .guide: .guide
            case .drill: .drill
            case .scenario, .exam: .scenario
            }
            return Recommendation(kind: kind, id: next.step.id, reason: .trackStep(track: track.id, step: next.index))
        }
        // Stay in the languages the trainee has practised in.
        let sessions = history.sessions
        let played = Set(sessions.compactMap { s in library.scenario(s.activity)?.language.isChinese })
        let scenarios = library.scenarios.filter { played.isEmpty || played.contains($0.language.isChinese) }
        let drills = library.drills.filter { played.isEmpty || played.contains($0.language.isChinese) }
        return analysis.recommendation(scenarios: scenarios, sessions: sessions, drills: drills)
    }
}
