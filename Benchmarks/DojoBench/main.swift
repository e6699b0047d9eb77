// SalesDojo evaluator benchmark. Run with `make bench` (release build). Prints figures; asserts nothing.
//
//  1. In-process: a fixed mixed corpus (10,000 replies: zh-Hans, zh-Hant, en; on- and off-type,
//     negated, questions, small talk, long and short) graded with all playbooks loaded, one thread, with the
//     trained model (alone, and answering a buyer line as in play) and with cues alone:
//     replies per second, p50/p99 latency per reply.
//  2. End to end: `dojo grade --format jsonl` over 200,000 lines (JSON in and out): lines per second.
//  3. Streaming memory: 1,000,000 lines through `dojo grade --format jsonl`: the child's peak RSS.
//  4. The progress store (StoreBenchmark.swift): importing 10,000 transcripts and the class HTML report.
//  5. A folder of 10,000 scenario files (ScenarioFolderBenchmark.swift): `dojo list` and `dojo show` with and without the index.
import DojoKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small deterministic generator (SplitMix64), so the corpus is the same on every run.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

@MainActor func runBenchmark() {
    let root = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : FileManager.default.currentDirectoryPath
    let library = ScenarioLibrary.load(directory: root + "/Scenarios")
    guard library.errors.isEmpty else { fatalError("scenario folder has errors; run dojo validate") }
    let modelPath = TrainingInputs.modelPath(scenarioDirectory: root + "/Scenarios")
    let model = try? TacticModel.load(path: modelPath)
    let evaluator = Evaluator(catalog: library.catalog, model: model)
    let cueEvaluator = Evaluator(catalog: library.catalog)
    if model != nil, let size = (try? FileManager.default.attributesOfItem(atPath: modelPath))?[.size] as? Int {
        print("trained model: \(size / 1024) KiB (\(modelPath))")
    } else {
        print("trained model: none (cues and exemplars only)")
    }

    // The corpus: every example and model answer of every playbook, combined with openers, fillers,
    // negations and questions, in both scripts.
    var fragments: [String] = []
    for tactic in library.catalog.allTactics {
        fragments += tactic.matchExamples + tactic.noMatchExamples + tactic.modelAnswers.all
    }
    let openers = ["好的，", "明白，", "王经理，", "您好，", "OK, ", "Sure — ", "Mr. Wang, ", "", "", ""]
    let closers = ["", "", "您看呢？", "是吗？", " Does that work for you?", " 我们尽快安排。", " Let me know.", "。"]
    let smallTalk = ["今天天气不错。", "吃饭了吗？", "Thanks for your time.", "我们下次再聊。", "Nice to meet you.", "嗯。"]
    var rng = SplitMix64(state: 20_261_129)
    var corpus: [String] = []
    let corpusSize = Int(ProcessInfo.processInfo.environment["DOJO_BENCH_CORPUS"] ?? "") ?? 10_000
    while corpus.count < corpusSize {
        switch rng.next() % 10 {
        case 0: corpus.append(rng.pick(smallTalk))
        case 1: corpus.append(rng.pick(fragments) + " " + rng.pick(fragments))
        default: corpus.append(rng.pick(openers) + rng.pick(fragments) + rng.pick(closers))
        }
    }
    let types = ValueType.allCases
    let totalScalars = corpus.reduce(0) { $0 + $1.unicodeScalars.count }
    print("corpus: \(corpus.count) replies, \(totalScalars / corpus.count) characters on average")

    // 1. In-process, with the trained detector (the product's evaluator) and with cues alone (the figures before it).
    // In play every reply answers a buyer line (the turn's prompt), which the model reads too: measured with and without.
    let buyerLines = ["能不能再便宜一点？", "你们的报价含安装吗？", "我們想找長期合作的夥伴，你們怎麼看？", "交期要多久？",
                      "Can you do better on price?", "Does the price include installation and training?",
                      "What would a partnership look like for both of us?", "Who else should we involve from our side?"]
    func measure(_ evaluator: Evaluator, label: String, withBuyerLines: Bool = false) {
    for reply in corpus.prefix(500) { _ = evaluator.assess(reply, buyer: .intrinsic) }  // warm-up
    var latencies: [Double] = []
    latencies.reserveCapacity(corpus.count * 3)
    let clock = ContinuousClock()
    var checksum = 0
    let start = clock.now
    var cpuStart = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuStart)
    // DOJO_BENCH_PASSES: more passes for profiling (`perf record -e cpu-clock`); 3 by default.
    let passes = max(1, Int(ProcessInfo.processInfo.environment["DOJO_BENCH_PASSES"] ?? "") ?? 3)
    for pass in 0..<passes {
        for (i, reply) in corpus.enumerated() {
            let t0 = clock.now
            let prompt = withBuyerLines ? buyerLines[(i + pass) % buyerLines.count] : nil
            let assessment = evaluator.assess(reply, buyer: types[(i + pass) % 3], prompt: prompt)
            let t1 = clock.now
            checksum &+= assessment.score ?? 0
            let d = t1 - t0
            latencies.append(Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12)
        }
    }
    let elapsed = clock.now - start
    var cpuEnd = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuEnd)
    // CPU time of this thread: steadier than wall time on a shared VM (time stolen by the host is not counted).
    let cpuSeconds = Double(cpuEnd.tv_sec - cpuStart.tv_sec) + Double(cpuEnd.tv_nsec - cpuStart.tv_nsec) / 1e9
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    latencies.sort()
    func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
    print(String(format: "in-process (%@): %.0f replies/s (one thread; %.0f per CPU-second), p50 %.1f µs, p99 %.1f µs, max %.1f µs  [checksum %d]",
                 label, Double(latencies.count) / seconds, Double(latencies.count) / cpuSeconds, percentile(0.5), percentile(0.99),
                 latencies.last ?? 0, checksum))
    }
    if model != nil {
        measure(evaluator, label: "with trained model")
        measure(evaluator, label: "with trained model, each reply answering a buyer line", withBuyerLines: true)
    }
    measure(cueEvaluator, label: "cues only")
    let clock = ContinuousClock()

    func jsonLine(_ reply: String, _ i: Int) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("id"); w.string("r\(i)")
        w.key("reply"); w.string(reply)
        w.key("buyer_type"); w.string(types[i % 3].rawValue)
        w.endObject()
        return w.string + "\n"
    }

    // 2 and 3: the real binary, fed through a pipe.
    let binary = root + "/.build/release/dojo"
    // DOJO_BENCH_DUMP=FILE writes the corpus as `dojo grade` input, to compare outputs before and after a change.
    if let dump = ProcessInfo.processInfo.environment["DOJO_BENCH_DUMP"] {
        let lines = corpus.enumerated().map { jsonLine($0.element, $0.offset) }.joined()
        _ = FileManager.default.createFile(atPath: dump, contents: Data(lines.utf8))
        print("corpus written to \(dump)")
    }
    if ProcessInfo.processInfo.environment["DOJO_BENCH_IN_PROCESS_ONLY"] != nil { return }
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        print("end to end: skipped (\(binary) not built; run `swift build -c release --product dojo`)")
        return
    }

    /// Streams `count` lines into `dojo grade --format jsonl`, discarding its output; returns seconds and peak RSS (KiB).
    func stream(count: Int) -> (seconds: Double, peakKiB: Int, lines: Int) {
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        _ = pipe(&input)
        _ = pipe(&output)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_addclose(&actions, input[1])
        posix_spawn_file_actions_addclose(&actions, output[0])
        var pid: pid_t = 0
        let args = [binary, "grade", "--format", "jsonl", "--scenarios", root + "/Scenarios"]
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        let t0 = clock.now
        guard posix_spawn(&pid, binary, &actions, nil, &argv, environ) == 0 else { fatalError("cannot start \(binary)") }
        close(input[0])
        close(output[1])
        // Reader thread: count output lines.
        final class Counter: @unchecked Sendable { var lines = 0 }
        let counter = Counter()
        let fdOut = output[0]
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fdOut, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                for b in buffer[0..<n] where b == 0x0A { counter.lines += 1 }
            }
        }
        reader.start()
        let encoded = corpus.enumerated().map { Array(jsonLine($0.element, $0.offset).utf8) }
        var chunk: [UInt8] = []
        for i in 0..<count {
            chunk += encoded[i % encoded.count]
            if chunk.count >= 1 << 16 || i == count - 1 {
                var offset = 0
                while offset < chunk.count {
                    let n = chunk[offset...].withUnsafeBytes { write(input[1], $0.baseAddress, $0.count) }
                    if n <= 0 { break }
                    offset += n
                }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        close(input[1])
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        while !reader.isFinished { usleep(1000) }
        let d = clock.now - t0
        return (Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18, Int(usage.ru_maxrss), counter.lines)
    }

    let e2e = stream(count: 200_000)
    print(String(format: "end to end: dojo grade --format jsonl, %d lines in %.2f s = %.0f lines/s (JSON in and out)",
                 e2e.lines, e2e.seconds, Double(e2e.lines) / e2e.seconds))
    let big = stream(count: 1_000_000)
    print(String(format: "streaming: %d lines in %.1f s, peak memory of the dojo process %.1f MB", big.lines, big.seconds,
                 Double(big.peakKiB) / 1024))
    // 4. Start-up: `dojo list` (loads every scenario and playbook, no evaluator), and `dojo grade` of one reply
    // (builds the evaluator and reads the trained model): median of 15 runs each.
    func startup(_ arguments: [String]) -> Double {
        var times: [Double] = []
        for _ in 0..<15 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments + ["--scenarios", root + "/Scenarios"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let t0 = ContinuousClock.now
            guard (try? process.run()) != nil else { return .nan }
            process.waitUntilExit()
            let d = ContinuousClock.now - t0
            times.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        }
        times.sort()
        return times[times.count / 2]
    }
    print(String(format: "start-up: dojo list %.3f s, dojo grade (one reply) %.3f s (median of 15)",
                 startup(["list"]), startup(["grade", "--type", "intrinsic", "We can save you 200k a year."])))
}

let benchEnvironment = ProcessInfo.processInfo.environment
let benchRoot = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : FileManager.default.currentDirectoryPath
if benchEnvironment["DOJO_BENCH_SCENARIOS_ONLY"] != nil {
    runScenarioFolderBenchmark(root: benchRoot)
} else {
    if benchEnvironment["DOJO_BENCH_STORE_ONLY"] == nil { runBenchmark() }
    if benchEnvironment["DOJO_BENCH_IN_PROCESS_ONLY"] == nil {
        runStoreBenchmark(root: benchRoot)
        if benchEnvironment["DOJO_BENCH_STORE_ONLY"] == nil { runScenarioFolderBenchmark(root: benchRoot) }
    }
}
