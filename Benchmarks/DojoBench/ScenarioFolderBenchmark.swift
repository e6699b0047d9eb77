// Part 5 of `make bench`: a scenario folder of 10,000 files (copies of the shipped scenarios, each
// with its own id, 500 to a sub-folder, plus the shipped playbooks), timed through the release
// binary: `dojo list` without an index (every file parsed: what every listing cost before the
// index), from the index, after one file changed, and `dojo show ID` with and without the index.
import DojoKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

func runScenarioFolderBenchmark(root: String) {
    let binary = root + "/.build/release/dojo"
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        print("scenario folder: skipped (\(binary) not built)")
        return
    }
    let count = Int(ProcessInfo.processInfo.environment["DOJO_BENCH_SCENARIO_FILES"] ?? "") ?? 10_000
    let folder = NSTemporaryDirectory() + "dojo-bench-scenarios-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let scenarios = folder + "/Scenarios"
    let manager = FileManager.default
    try? manager.createDirectory(atPath: scenarios, withIntermediateDirectories: true)
    try? manager.copyItem(atPath: root + "/Scenarios/playbooks", toPath: scenarios + "/playbooks")
    let shipped = ScenarioLibrary.load(directory: root + "/Scenarios").scenarios
    let texts = shipped.compactMap { scenario -> (id: String, text: String)? in
        (try? String(contentsOfFile: scenario.location.file, encoding: .utf8)).map { (scenario.id, $0) }
    }
    guard !texts.isEmpty else { return print("scenario folder: skipped (no shipped scenarios)") }
    var bytes = 0
    for n in 0..<count {
        let (id, text) = texts[n % texts.count]
        let copy = text.replacingOccurrences(of: "\nid: \(id)\n", with: "\nid: \(id)-\(n)\n")
        let sub = scenarios + "/batch-\(n / 500)"
        if n % 500 == 0 { try? manager.createDirectory(atPath: sub, withIntermediateDirectories: true) }
        bytes += copy.utf8.count
        try? Data(copy.utf8).write(to: URL(fileURLWithPath: sub + "/\(id)-\(n).yaml"))
    }
    setenv("XDG_CACHE_HOME", folder + "/cache", 1)
    setenv("XDG_DATA_HOME", folder + "/data", 1)
    print(String(format: "scenario folder: %d files, %.1f MB; load average %.2f", count, Double(bytes) / 1e6, loadAverage()))
    func report(_ label: String, _ arguments: [String]) {
        let m = measure([binary] + arguments + ["--scenarios", scenarios])
        print(String(format: "  %@: %.3f s (CPU %.3f s), peak RSS %.1f MB, exit %d", label, m.seconds, m.cpu,
                     Double(m.peakKiB) / 1024, m.status))
    }
    // A file deep in the folder (the 9,001st, or the last with a smaller DOJO_BENCH_SCENARIO_FILES).
    let pick = max(0, min(9000, count - 1))
    let someID = texts[pick % texts.count].id + "-\(pick)"
    let cache = folder + "/cache"
    report("dojo list, no index (every file parsed; the index is written)", ["list"])
    report("dojo list, from the index", ["list"])
    report("dojo list, from the index again", ["list"])
    let edited = scenarios + "/batch-3/\(texts[1500 % texts.count].id)-1500.yaml"
    if let handle = FileHandle(forWritingAtPath: edited) {
        handle.seekToEndOfFile()
        handle.write(Data("# edited\n".utf8))
        handle.closeFile()
    }
    report("dojo list, one file changed", ["list"])
    report("dojo show ID, with the index", ["show", someID])
    try? manager.removeItem(atPath: cache)
    report("dojo show ID, no index (every file's top-level keys read)", ["show", someID])
}

/// The one-minute load average (the shared machine's timings swing with it).
func loadAverage() -> Double {
    var loads = [Double](repeating: 0, count: 3)
    return getloadavg(&loads, 3) > 0 ? loads[0] : -1
}
