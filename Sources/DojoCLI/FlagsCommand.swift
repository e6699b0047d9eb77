import ArgumentParser
import DojoKit
import Foundation

/// `dojo flags`: the replies reps flagged with `/flag`, across transcripts — for an instructor to
/// review, and as corpus lines to correct and add to `Scenarios/corpus/`.
struct FlagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags",
        abstract: "List replies flagged with /flag across transcripts; --format jsonl writes them as corpus lines.",
        discussion: """
        PATH: transcript files or folders (default: $XDG_DATA_HOME/salesdojo/transcripts). With --format jsonl each \
        flag becomes a labelled-reply line (docs/labelling.md) carrying today's evaluator labels and the rep's note: \
        correct the labels, then add the lines to Scenarios/corpus/ and run `dojo train`.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    @Argument(help: ArgumentHelp("Transcript files or folders.", valueName: "path"))
    var paths: [String] = []

    @Option(help: "Output format: text or jsonl.")
    var format: Format = .text

    @OptionGroup var display: DisplayOptions
    @OptionGroup var scenarioOptions: ScenarioOptions

    func run() throws {
        let roots = paths.isEmpty ? [TranscriptWriter.defaultDirectory()] : paths
        var files: [String] = []
        for root in roots {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
                if paths.isEmpty { break }
                throw CLIError.cannotOpen(path: TerminalSanitizer.clean(root), reason: "no such file or folder")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
                files += names.filter { $0.hasSuffix(".jsonl") }.sorted().map { (root as NSString).appendingPathComponent($0) }
            } else {
                files.append(root)
            }
        }
        var flags: [FlaggedReply] = []
        for file in files {
            do {
                flags += try FlaggedReply.read(TranscriptReader(path: file), file: file)
            } catch {
                printError("warning: '\(TerminalSanitizer.clean(file))' skipped: \(TerminalSanitizer.clean(ImportCommand.reason(error))).")
            }
        }
        switch format {
        case .text: printText(flags, files: files.count)
        case .jsonl: try printCorpusLines(flags)
        }
    }

    private func printText(_ flags: [FlaggedReply], files: Int) {
        let terminal = Terminal.current(noColor: display.noColor)
        let chinese = display.lang == .zh
        guard !flags.isEmpty else {
            print(chinese ? "\(files) 份记录里没有标记的回答。" : "No flagged replies in \(files) transcript(s).")
            return
        }
        print(terminal.paint(chinese ? "\(flags.count) 条标记（\(files) 份记录）" : "\(flags.count) flagged repl\(flags.count == 1 ? "y" : "ies") in \(files) transcript(s)", .bold))
        for flag in flags {
            print("")
            print(terminal.paint(TerminalSanitizer.clean(flag.location.description), .dim) + "  "
                  + TerminalSanitizer.clean(flag.scenario) + " · " + TerminalSanitizer.clean(flag.turn) + " · #\(flag.number)")
            print("  > " + TerminalSanitizer.clean(flag.reply))
            print("  " + (chinese ? "当时：" : "scored as: ") + TerminalSanitizer.clean(flag.foundOrientation)
                  + " [" + TerminalSanitizer.clean(flag.foundTactics.joined(separator: ", ")) + "]")
            if !flag.note.isEmpty { print("  " + (chinese ? "说明：" : "note: ") + TerminalSanitizer.clean(flag.note)) }
        }
    }

    private func printCorpusLines(_ flags: [FlaggedReply]) throws {
        let library = try scenarioOptions.library(quiet: true)
        let evaluator = try scenarioOptions.evaluator(for: library)
        var out: [UInt8] = []
        for flag in flags {
            let assessment = evaluator.assess(flag.reply, prompt: flag.buyer)
            var w = JSONWriter()
            w.beginObject()
            w.key("id"); w.string("flag-" + String(FNV1a.hash(Array("\(flag.location)|\(flag.reply)".utf8)), radix: 16))
            w.key("lang"); w.string(ReplyLanguage.of(flag.reply))
            if let buyer = flag.buyer { w.key("buyer"); w.string(buyer) }
            w.key("reply"); w.string(flag.reply)
            w.key("orientation"); w.string(assessment.orientation?.rawValue ?? "none")
            w.key("tactics"); w.beginArray(); for id in assessment.usedTactics.map(\.id).sorted() { w.string(id) }; w.endArray()
            w.key("anti_patterns"); w.beginArray(); for id in assessment.antiPatterns.map(\.id).sorted() { w.string(id) }; w.endArray()
            w.key("note"); w.string("flagged in \(flag.scenario) \(flag.turn) (\(flag.location)): \(flag.note.isEmpty ? "no note" : flag.note); labels are today's evaluator's — correct them")
            w.endObject()
            out += w.bytes
            out.append(UInt8(ascii: "\n"))
        }
        FileHandle.standardOutput.write(Data(out))
    }
}
