import ArgumentParser
import DojoKit
import DojoStore
import Foundation

/// Where the progress store is, shared by every command that reads or writes it.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Progress store (default: $XDG_DATA_HOME/salesdojo/progress.sqlite).", valueName: "file"))
    var db: String?

    /// The store's path.
    var path: String { db ?? XDGDirectory.data.path("progress.sqlite") }

    /// Opens the store; `create` makes it when missing (writers), readers get a clear "no store yet".
    func open(create: Bool) throws -> SQLiteProgressStore {
        do { return try SQLiteProgressStore(path: path, create: create) } catch {
            throw CLIError.store(error.description)
        }
    }

    /// Records a finished or abandoned session from its transcript. A store problem is a note on
    /// stderr, never a failure: the transcript is already safe on disk and can be imported later.
    func recordSession(transcript: String, library: ScenarioLibrary?) {
        do {
            let scenarios = library?.scenarios ?? []
            let summary = try SessionSummarizer.summarize(path: transcript) { id in scenarios.first { $0.id == id } }
            _ = try open(create: true).record([summary])
        } catch {
            let reason = (error as? CLIError)?.description ?? "\(error)"
            printError(TerminalSanitizer.clean("note: the session was not added to the progress store: \(reason) "
                       + "The transcript is safe at '\(transcript)'; `dojo import` adds it later."))
        }
    }

    /// Records that `trainee` read the guide. Like a session, a store problem is a note on stderr, never a failure.
    func recordGuideRead(trainee: String) {
        do {
            try open(create: true).recordGuideRead(trainee: trainee, at: Timestamp.now())
        } catch {
            let reason = (error as? CLIError)?.description ?? "\(error)"
            printError(TerminalSanitizer.clean("note: reading the guide was not added to the progress store: \(reason)"))
        }
    }

    /// The trainee a command is about: `--trainee`, else `$USER`.
    static func trainee(_ given: String?) -> String {
        given ?? ProcessInfo.processInfo.environment["USER"] ?? ""
    }
}
