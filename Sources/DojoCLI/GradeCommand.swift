import ArgumentParser
import DojoKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `dojo grade`: score replies without a scenario, for instructors and batch use.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Score replies against the playbooks, without a scenario.",
        discussion: """
        One reply: dojo grade --type intrinsic "每年能为贵公司节约 20 万元"

        Batch: dojo grade --format jsonl replies.jsonl (or from standard input). Each input line is \
        {"reply": "...", "id": "optional", "buyer_type": "intrinsic|extrinsic|strategic", "buyer": "the buyer's line (optional)"}; each output line \
        holds id and the assessment as a transcript records it (score, orientation, alignment, tactics, signals, \
        cue_stuffing, explanation; docs/transcripts.md). A bad line gives \
        {"id"?, "line": N, "error": "..."} and the exit status is 1.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    @Argument(help: ArgumentHelp("Text: the reply (default: one reply per line from standard input). JSONL: input files.",
                                 valueName: "reply-or-file"))
    var inputs: [String] = []

    @Option(name: .long, help: "Buyer value type to score against: intrinsic, extrinsic or strategic.")
    var type: ValueType?

    @Option(help: ArgumentHelp("Tactic ids the reply should use, comma-separated (as a scenario turn's `expect`).",
                               valueName: "ids"))
    var expect: String?

    @Option(help: ArgumentHelp("Tactic ids the reply should avoid, comma-separated.", valueName: "ids"))
    var avoid: String?

    @Option(name: .customLong("buyer-line"), help: ArgumentHelp("Text: the buyer's line the reply answers (a plain answer to a question is not an offer).",
                                                                 valueName: "text"))
    var buyerLine: String?

    @Option(help: "Output format: text or jsonl.")
    var format: Format = .text


    @OptionGroup var display: DisplayOptions

    @OptionGroup var scenarioOptions: ScenarioOptions

    /// Longest JSONL input line accepted.
    static let maxLineBytes = 1 << 20

    func run() throws {
        let library = try scenarioOptions.library(need: .playbooks)
        guard !library.catalog.playbooks.isEmpty else { throw CLIError.noPlaybooks }
        try checkTacticIDs(library.catalog)
        let evaluator = try scenarioOptions.evaluator(for: library)
        switch format {
        case .text: try gradeText(evaluator)
        case .jsonl: try gradeJSONLines(evaluator)
        }
    }

    private var expectation: TurnExpectation? {
        guard expect != nil || avoid != nil else { return nil }
        func ids(_ list: String?) -> [String] {
            (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return TurnExpectation(expect: ids(expect), avoid: ids(avoid))
    }

    /// `--expect`/`--avoid` name tactics of the playbooks; anything else is a usage error (exit 2).
    private func checkTacticIDs(_ catalog: TacticCatalog) throws {
        for (option, ids) in [("--expect", expectation?.expect ?? []), ("--avoid", expectation?.avoid ?? [])] {
            for id in ids where catalog.tactic(id) == nil {
                let suggestion = Suggestion.closest(to: id, among: catalog.ids).map { " Did you mean `\($0)`?" } ?? ""
                throw ValidationError("\(option): unknown tactic `\(TerminalSanitizer.clean(id))`.\(suggestion) Valid ids: "
                                      + catalog.ids.sorted().joined(separator: ", ") + ".")
            }
        }
    }

    func validate() throws {
        if (expect != nil || avoid != nil) && type == nil {
            throw ValidationError("--expect and --avoid need --type (the buyer's value type).")
        }
    }

    private func language(for reply: String) -> Bool {
        if let lang = display.lang { return lang == .zh }
        return reply.containsCJK
    }

    private func gradeText(_ evaluator: Evaluator) throws {
        let terminal = Terminal.current(noColor: display.noColor)
        var replies = inputs
        if replies.isEmpty {
            var reader = LineReader(fd: STDIN_FILENO, maxLength: Self.maxLineBytes)
            var number = 0
            while let line = reader.next() {
                number += 1
                switch line {
                case let .text(bytes):
                    guard let text = String(validating: bytes, as: UTF8.self) else {
                        printError("line \(number): not valid UTF-8; skipped")
                        continue
                    }
                    if !text.trimmingCharacters(in: .whitespaces).isEmpty { replies.append(text) }
                case let .tooLong(length):
                    printError("line \(number): \(length) bytes is over the limit of \(Self.maxLineBytes); skipped")
                }
            }
        }
        for (i, reply) in replies.enumerated() {
            if i > 0 { print("") }
            let assessment = evaluator.assess(reply, buyer: type, expectation: expectation, prompt: buyerLine)
            let chinese = language(for: reply)
            let renderer = ExplanationRenderer(catalog: evaluator.catalog, chinese: chinese)
            let ui: UILanguage = chinese ? .zh : .en
            print(terminal.paint(ui.label("回答", "Reply"), .bold) + TerminalSanitizer.clean(reply))
            var summary = ui.label("取向", "Orientation")
                + (assessment.orientation.map { chinese ? $0.chineseName : $0.rawValue } ?? ui.pick("无", "none"))
            if let score = assessment.score {
                let color: Terminal.Style = score >= 70 ? .green : (score >= 40 ? .yellow : .red)
                summary += "  " + ui.label("得分", "Score") + terminal.paint("\(score)/100", .bold, color)
                switch assessment.alignment {
                case .match: summary += "  " + terminal.paint(ui.pick("✓ 类型匹配", "✓ type match"), .green)
                case .mismatch: summary += "  " + terminal.paint(ui.pick("✗ 类型错配", "✗ type mismatch"), .red)
                case .none: summary += "  " + ui.pick("— 没有用到战术", "— no tactic used")
                }
            }
            print(summary)
            for finding in assessment.usedTactics + assessment.antiPatterns {
                let bar = String(repeating: "█", count: Int((finding.confidence * 10).rounded()))
                    + String(repeating: "░", count: 10 - Int((finding.confidence * 10).rounded()))
                print("  \(bar) \(String(format: "%.2f", finding.confidence))  \(TerminalSanitizer.clean(renderer.name(finding.id)))")
            }
            // Evidence quotes the reply: sanitise every explanation line.
            for line in renderer.render(assessment.explanation) { print("  " + TerminalSanitizer.clean(line)) }
        }
    }

    /// Lines graded together; each batch is spread over the cores and written back in input order,
    /// so output stays byte-identical while memory stays bounded.
    static let batchSize = 512

    private func gradeJSONLines(_ evaluator: Evaluator) throws {
        var output = OutputBuffer(fd: STDOUT_FILENO)
        var failed = false
        let files = inputs.isEmpty ? ["-"] : inputs
        for file in files {
            var fd = STDIN_FILENO
            if file != "-" {
                switch RegularFile.openForReading(file) {
                case let .success(opened): fd = opened
                case let .failure(refusal):
                    // Report it and go on with the other files: results already graded are kept.
                    var reason = "it \(refusal)"
                    if case .special = refusal { reason += "; to read a pipe, give it on standard input: dojo grade --format jsonl < FILE" }
                    output.flush()
                    printError(CLIError.cannotOpen(path: file, reason: reason).description)
                    failed = true
                    continue
                }
            }
            defer { if fd != STDIN_FILENO { close(fd) } }
            var reader = LineReader(fd: fd, maxLength: Self.maxLineBytes)
            var number = 0
            var batch: [(number: Int, line: LineReader.Line)] = []
            batch.reserveCapacity(Self.batchSize)
            func flushBatch() {
                let results = gradeBatch(batch, evaluator: evaluator, file: files.count > 1 ? file : nil)
                for result in results {
                    if result.failed { failed = true }
                    output.write(result.bytes)
                }
                batch.removeAll(keepingCapacity: true)
            }
            while var line = reader.next() {
                number += 1
                // A byte-order mark some editors put at the start of a UTF-8 file is not part of the JSON.
                if number == 1, case let .text(bytes) = line, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { line = .text(bytes.dropFirst(3)) }
                if case let .text(bytes) = line, bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                if case let .text(bytes) = line {
                    batch.append((number, .text(ArraySlice(Array(bytes)))))  // detach from the reader's buffer
                } else {
                    batch.append((number, line))
                }
                if batch.count == Self.batchSize { flushBatch() }
            }
            flushBatch()
        }
        output.flush()
        if failed { throw ExitCode(1) }
    }

    /// Grades a batch on all cores; results come back in the batch's order.
    private func gradeBatch(_ batch: [(number: Int, line: LineReader.Line)], evaluator: Evaluator, file: String?)
        -> [(bytes: [UInt8], failed: Bool)] {
        guard !batch.isEmpty else { return [] }
        let results = ResultSlots(count: batch.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, batch.count / 16 + 1))
        let command = self
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < batch.count {
                results.store(command.gradeOne(batch[index], evaluator: evaluator, file: file), at: index)
                index += workers
            }
        }
        return results.values
    }

    private func gradeOne(_ entry: (number: Int, line: LineReader.Line), evaluator: Evaluator, file: String?)
        -> (bytes: [UInt8], failed: Bool) {
        var writer = JSONWriter()
        var failed = false
        switch entry.line {
        case let .tooLong(length):
            failed = true
            Self.writeError(&writer, id: nil, line: entry.number, file: file,
                            message: "line is \(length) bytes; the limit is \(Self.maxLineBytes)")
        case let .text(bytes):
            switch gradeLine(bytes, evaluator: evaluator) {
            case let .success((assessment, id)):
                let renderer = ExplanationRenderer(catalog: evaluator.catalog, chinese: language(for: assessment.reply))
                AssessmentRecord(assessment, explain: renderer.render).writeGradeLine(to: &writer, id: id)
            case let .failure(problem):
                failed = true
                Self.writeError(&writer, id: problem.id, line: entry.number, file: file, message: problem.message)
            }
        }
        writer.bytes.append(0x0A)
        return (writer.bytes, failed)
    }

    struct LineProblem: Error {
        var id: JSONValue?
        var message: String
    }

    private func gradeLine(_ bytes: ArraySlice<UInt8>, evaluator: Evaluator) -> Result<(Assessment, JSONValue?), LineProblem> {
        let value: JSONValue
        do { value = try JSONValue.parse(bytes) } catch { return .failure(LineProblem(message: "invalid JSON: \(error)")) }
        guard case .object = value else { return .failure(LineProblem(message: "expected a JSON object with a \"reply\"")) }
        let id = value["id"]
        if let id, !Self.isEchoableID(id) {
            return .failure(LineProblem(message: "\"id\" must be a string or a whole number of at most 15 digits; "
                                        + "write other ids as strings, e.g. \"id\": \"0.0001\""))
        }
        guard let reply = value["reply"] else { return .failure(LineProblem(id: id, message: "missing \"reply\"")) }
        guard let text = reply.stringValue else { return .failure(LineProblem(id: id, message: "\"reply\" must be a string")) }
        var buyer = type
        if let raw = value["buyer_type"], raw != .null {
            guard let name = raw.stringValue, let parsed = ValueType(rawValue: name) else {
                return .failure(LineProblem(id: id, message: "\"buyer_type\" must be intrinsic, extrinsic or strategic"))
            }
            buyer = parsed
        }
        var prompt: String?
        if let raw = value["buyer"], raw != .null {
            guard let line = raw.stringValue else { return .failure(LineProblem(id: id, message: "\"buyer\" must be a string (the buyer's line)")) }
            prompt = line
        }
        return .success((evaluator.assess(text, buyer: buyer, expectation: buyer == nil ? nil : expectation, prompt: prompt), id))
    }

    /// Ids are echoed exactly: a string, or a whole number small enough to survive as a double.
    static func isEchoableID(_ id: JSONValue) -> Bool {
        switch id {
        case .string: return true
        case let .number(n): return n.isFinite && n == n.rounded() && abs(n) < 1e15
        default: return false
        }
    }

    static func writeError(_ writer: inout JSONWriter, id: JSONValue?, line: Int, file: String?, message: String) {
        writer.beginObject()
        if let id {
            writer.key("id")
            switch id {
            case let .string(s): writer.string(s)
            case let .number(n): writer.number(n)
            default: writer.null()
            }
        }
        if let file { writer.key("file"); writer.string(file) }
        writer.key("line")
        writer.int(line)
        writer.key("error")
        writer.string(message)
        writer.endObject()
    }
}

/// Per-index result slots that worker threads fill without sharing an index.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [(bytes: [UInt8], failed: Bool)]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: ([], false), count: count) }

    func store(_ value: (bytes: [UInt8], failed: Bool), at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [(bytes: [UInt8], failed: Bool)] { slots }
}
