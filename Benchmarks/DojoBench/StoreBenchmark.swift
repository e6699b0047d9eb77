// Part 4 of `make bench`: the progress store. Generates 10,000 transcripts of real sessions (the
// engine plays them: 100 trainees, every shipped scenario, 2–6 replies each), then times the real
// binary: `dojo import` into an empty store (sessions/s, peak memory) and the class HTML report
// (`dojo report --all --format html`, seconds, peak memory).
import DojoKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `arguments` with output discarded; returns wall seconds, CPU seconds (user + system) and peak RSS in KiB.
func measure(_ arguments: [String]) -> (seconds: Double, cpu: Double, peakKiB: Int, status: Int32) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let clock = ContinuousClock()
    let t0 = clock.now
    guard posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else { fatalError("cannot start \(arguments[0])") }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let d = clock.now - t0
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return (Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18, cpu, Int(usage.ru_maxrss), status)
}

func runStoreBenchmark(root: String) {
    let binary = root + "/.build/release/dojo"
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        print("store: skipped (\(binary) not built)")
        return
    }
    let library = ScenarioLibrary.load(directory: root + "/Scenarios")
    let evaluator = Evaluator(catalog: library.catalog)
    let count = Int(ProcessInfo.processInfo.environment["DOJO_BENCH_SESSIONS"] ?? "") ?? 10_000
    let folder = NSTemporaryDirectory() + "dojo-bench-store-\(getpid())"
    // DOJO_BENCH_KEEP=1 keeps the transcripts and the store for profiling.
    defer { if ProcessInfo.processInfo.environment["DOJO_BENCH_KEEP"] == nil { try? FileManager.default.removeItem(atPath: folder) } else { print("kept \(folder)") } }
    try? FileManager.default.createDirectory(atPath: folder + "/transcripts", withIntermediateDirectories: true)
    // Replies: each scenario's model answers and weak non-answers, so scores and tactics vary.
    let weak = ["好的，我们考虑一下。", "OK, we'll think about it.", "我们的团队很专业。", "Our team is very professional."]
    var rng = SplitMix64(state: 20_261_130)
    let clock = ContinuousClock()
    let t0 = clock.now
    var bytes = 0
    for i in 0..<count {
        let scenario = library.scenarios[Int(rng.next() % UInt64(library.scenarios.count))]
        let mode: SessionMode = rng.next() % 5 == 0 ? .exam : .practice
        var session = Session(scenario: scenario, evaluator: evaluator, mode: mode, seed: rng.next(), trainee: "rep-\(i % 100)")
        if mode == .exam { session.identifyType(rng.next() % 4 == 0 ? "2" : scenario.valueType.rawValue) }
        let replies = 2 + Int(rng.next() % 5)
        for _ in 0..<replies where session.phase != .ended {
            let text = rng.next() % 3 == 0 ? weak[Int(rng.next() % UInt64(weak.count))] : (session.turn?.modelAnswer ?? weak[0])
            _ = try? session.respond(text)
        }
        session.abandon()
        let day = 1 + i % 28, second = i % 86_400
        let started = String(format: "2026-10-%02dT%02d:%02d:%02d.%03dZ", day, second / 3600, (second / 60) % 60, second % 60, i % 1000)
        var text: [UInt8] = []
        for event in session.events {
            let ended: String? = if case .end = event { started } else { nil }
            text += event.json(scenarioHash: "fnv1a64:0", startedAt: started, endedAt: ended, explain: { _ in "" }) + [0x0A]
        }
        bytes += text.count
        _ = FileManager.default.createFile(atPath: folder + "/transcripts/\(i).jsonl", contents: Data(text))
    }
    let generated = clock.now - t0
    var load = [Double](repeating: 0, count: 3)
    _ = getloadavg(&load, 3)
    print(String(format: "store: machine load average %.2f (%d cores)", load[0], ProcessInfo.processInfo.activeProcessorCount))
    print(String(format: "store: generated %d transcripts (%.1f MB) in %.1f s", count, Double(bytes) / 1e6,
                 Double(generated.components.seconds) + Double(generated.components.attoseconds) / 1e18))
    let db = folder + "/progress.sqlite"
    let scenarios = ["--scenarios", root + "/Scenarios"]
    let imported = measure([binary, "import", folder + "/transcripts", "--db", db] + scenarios)
    print(String(format: "store: dojo import, %d transcripts into an empty store in %.2f s = %.0f sessions/s (CPU %.2f s), peak memory %.1f MB (exit %d)",
                 count, imported.seconds, Double(count) / imported.seconds, imported.cpu, Double(imported.peakKiB) / 1024, imported.status))
    let again = measure([binary, "import", folder + "/transcripts", "--db", db] + scenarios)
    print(String(format: "store: dojo import again (all already there) in %.2f s = %.0f sessions/s", again.seconds, Double(count) / again.seconds))
    let html = folder + "/class.html"
    let report = measure([binary, "report", "--all", "--format", "html", "--out", html, "--db", db] + scenarios)
    let size = (try? FileManager.default.attributesOfItem(atPath: html)[.size] as? Int) ?? 0
    print(String(format: "store: class HTML report for %d sessions in %.2f s (CPU %.2f s; %.1f MB), peak memory %.1f MB (exit %d)",
                 count, report.seconds, report.cpu, Double(size) / 1e6, Double(report.peakKiB) / 1024, report.status))
}
