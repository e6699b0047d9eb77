import ArgumentParser
import DojoKit
import DojoStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `dojo import PATH...`: add transcript files (a class's, collected by an instructor) to the store.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add transcripts to the progress store (idempotent); --rebuild recreates the store from them.",
        discussion: """
        PATH is a transcript (.jsonl) or a folder searched for them. Importing the same transcript twice
        changes nothing; a session first imported unfinished is completed by a later import. A damaged or
        foreign file is reported and skipped (exit status 1 when any was). On a terminal, a progress bar
        shows on stderr for large imports.
        """
    )

    @Argument(help: ArgumentHelp("Transcript files or folders.", valueName: "path"))
    var paths: [String]

    @Flag(help: "Empty the store first, then import: the store becomes exactly what the transcripts say.")
    var rebuild = false

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var scenarioOptions: ScenarioOptions

    /// Sessions per transaction.
    static let batchSize = 500
    /// Folders are searched this deep, and no more than this many files are taken.
    static let maxDepth = 8, maxFiles = 1_000_000

    func run() throws {
        var skipped: [(String, String)] = []
        let files = collect(&skipped)
        let store = try storeOptions.open(create: true)
        if rebuild { try store.removeAll() }
        // The scenario library only fills in buyer types and expectations missing from old transcripts.
        let scenarios = (try? scenarioOptions.library(quiet: true))?.scenarios ?? []
        let lookup: SessionSummarizer.ScenarioLookup = { id in scenarios.first { $0.id == id } }
        let bar = ProgressBar(total: files.count, enabled: isatty(STDERR_FILENO) == 1 && files.count >= 20)
        var counts: [RecordOutcome: Int] = [:]
        var done = 0
        // Transcripts are read and summarised in parallel, a batch at a time; the store writes each
        // batch in one transaction, in file order.
        for start in stride(from: 0, to: files.count, by: Self.batchSize) {
            let batch = Array(files[start..<min(files.count, start + Self.batchSize)])
            let results = Self.summarize(batch, lookup: lookup)
            var summaries: [SessionSummary] = []
            for (file, result) in zip(batch, results) {
                switch result {
                case let .success(summary): summaries.append(summary)
                case let .failure(reason): skipped.append((file, reason))
                }
            }
            if !summaries.isEmpty {
                for outcome in try store.record(summaries) { counts[outcome, default: 0] += 1 }
            }
            done += batch.count
            bar.update(done)
        }
        bar.finish()
        for (file, reason) in skipped {
            printError(TerminalSanitizer.clean("skipped '\(file)': \(reason)"))
        }
        let added = counts[.added, default: 0], updated = counts[.updated, default: 0], unchanged = counts[.unchanged, default: 0]
        print("Imported \(added + updated + unchanged) transcript(s) into \(TerminalSanitizer.clean(store.path)): "
              + "\(added) added, \(updated) updated, \(unchanged) already there; \(skipped.count) skipped.")
        if !skipped.isEmpty { throw ExitCode(1) }
    }

    /// Failure reasons as values, so results can cross threads.
    enum Outcome: Sendable { case success(SessionSummary), failure(String) }

    /// Summarises `files` on every core; results in file order.
    static func summarize(_ files: [String], lookup: @escaping SessionSummarizer.ScenarioLookup) -> [Outcome] {
        var results = Array(repeating: Outcome.failure(""), count: files.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each index is written by exactly one iteration; the array is read after all have finished.
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: files.count) { i in
                do {
                    out[i] = .success(try SessionSummarizer.summarize(path: files[i], lookup: lookup))
                } catch {
                    out[i] = .failure(reason(error))
                }
            }
        }
        return results
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case let e as Transcript.DamagedLine: return e.description + "; it is not a readable transcript"
        case let e as SessionSummarizer.Failure: return e.description
        case let e as TranscriptReader.OpenError:
            switch e {
            case .missing: return "there is no such file"
            case .folder: return "it is a folder"
            case .notRegularFile: return "it is not a regular file"
            case let .unreadable(reason): return reason
            }
        default: return "\(error)"
        }
    }

    /// The files to import, sorted: given files as they are, folders searched for `*.jsonl`.
    private func collect(_ skipped: inout [(String, String)]) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isFolder) else {
                skipped.append((path, "there is no such file or folder"))
                continue
            }
            guard isFolder.boolValue else { files.append(path); continue }
            var found: [String] = []
            var stack: [(String, Int)] = [(path, 0)]
            while let (folder, depth) = stack.popLast(), found.count < Self.maxFiles {
                guard let names = try? fm.contentsOfDirectory(atPath: folder) else { continue }
                for name in names.sorted() {
                    let full = (folder as NSString).appendingPathComponent(name)
                    var sub: ObjCBool = false
                    guard fm.fileExists(atPath: full, isDirectory: &sub) else { continue }
                    if sub.boolValue {
                        if depth + 1 < Self.maxDepth { stack.append((full, depth + 1)) }
                    } else if name.hasSuffix(".jsonl") {
                        found.append(full)
                    }
                }
            }
            files += found.sorted()
        }
        return files
    }
}
