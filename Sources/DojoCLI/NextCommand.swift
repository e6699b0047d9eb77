import ArgumentParser
import DojoKit
import DojoStore
import Foundation

/// `dojo next`: start the trainee's next exercise in their track.
struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Start the next exercise of your track (the guide, a drill, a scenario or the exam).",
        discussion: """
        The track is --track ID, else the one you have got furthest in, else the first in your language.
        Without any track, the recommendation of `dojo progress` is started.
        """
    )

    @Option(help: "Track id (see `dojo track`).")
    var track: String?

    @Option(help: "Who is training (default: $USER).")
    var trainee: String?

    @Option(help: "Seed for the exercise (default: from the clock).")
    var seed: UInt64?

    @OptionGroup var display: DisplayOptions

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var scenarioOptions: ScenarioOptions

    func run() throws {
        let library = try scenarioOptions.library()
        let name = StoreOptions.trainee(trainee)
        let sessions = try TrackCommand.sessions(of: name, storeOptions: storeOptions)
        let ui = display.lang ?? .en
        var common = ["--trainee", name]
        if let db = storeOptions.db { common += ["--db", db] }
        for dir in scenarioOptions.scenarios { common += ["--scenarios", dir] }
        if let lang = display.lang { common += ["--lang", lang.rawValue] }
        if display.noColor { common.append("--no-color") }
        if let seed { common += ["--seed", String(seed)] }
        let step: (kind: Track.Step.Kind, id: String, pass: Int?)
        if let chosen = try TrackCommand.choose(track, sessions: sessions, library: library, lang: display.lang) {
            guard let next = TrackCommand.progress(chosen, sessions: sessions, library: library).next else {
                print(ui.pick("课程 \(TerminalSanitizer.clean(chosen.id)) 已全部通过。", "Track \(TerminalSanitizer.clean(chosen.id)) is complete."))
                return
            }
            print(ui.pick("课程 \(TerminalSanitizer.clean(chosen.id)) 第 \(next.index) 步：", "Track \(TerminalSanitizer.clean(chosen.id)), step \(next.index): ")
                  + TrackCommand.label(next.step, library: library, ui: ui))
            step = (next.step.kind, next.step.id, next.step.pass)
        } else {
            let analysis = ProgressAnalysis(sessions: sessions, catalog: library.catalog)
            guard let r = analysis.recommendation(scenarios: library.scenarios, sessions: sessions, drills: library.drills) else {
                print(ui.pick("没有要练习的了。", "Nothing left to practise."))
                return
            }
            step = (r.kind == .drill ? .drill : .scenario, r.id, nil)
        }
        switch step.kind {
        case .guide:
            var arguments = scenarioOptions.scenarios.flatMap { ["--scenarios", $0] }
            if let lang = display.lang { arguments += ["--lang", lang.rawValue] }
            let command = try GuideCommand.parse(arguments)
            try command.run()
        case .drill:
            let command = try DrillCommand.parse(common + ["--set", step.id])
            try command.run()
        case .scenario, .exam:
            var arguments = [step.id] + common
            if step.kind == .exam {
                arguments += ["--mode", "exam"]
                if let pass = step.pass { arguments += ["--pass", String(pass)] }
            }
            let command = try PlayCommand.parse(arguments)
            try command.run()
        }
    }
}
