import CEditLine
import CTerminalSupport
import Foundation

/// Line editing and history through libedit, for the interactive REPL.
final class LineEditor {
    /// What one read produced.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C (the line typed so far is dropped); `emptyLine` when nothing had been typed.
        case interrupted(emptyLine: Bool)
        /// Ctrl-D on an empty line, or the input closed.
        case endOfInput
        /// SIGTERM or SIGHUP (the signal number, for the exit status 128 + signal).
        case terminated(Int32)
    }

    private let historyFile: HistoryFile?
    /// Entries kept in the history file.
    static let historyLimit = 1000

    /// Completable slash commands (immutable, so the C callback may read it).
    static let commands = ["/help", "/hint", "/tactics", "/why", "/rewind", "/score", "/flag", "/restart", "/quit"]

    init(historyFile path: String?) {
        var history: HistoryFile?
        if let path {
            switch HistoryFile.open(path) {
            case let .success(file): history = file
            case let .failure(refusal):
                printError("note: not using the history file \(path): \(refusal); remove it or set XDG_STATE_HOME to keep history.")
            }
        }
        self.historyFile = history
        _ = dojo_use_utf8_locale()
        dojo_rl_set_catch_signals(0)  // libedit's own handlers would kill(0, SIGINT) the whole process group
        dojo_rl_set_readline_name("salesdojo")
        rl_initialize()
        using_history()
        stifle_history(Int32(Self.historyLimit))
        if let historyFile { _ = read_history(historyFile.path) }
        dojo_rl_set_attempted_completion(completeSlashCommand)
        dojo_rl_set_completion_append_character(Int32(UInt8(ascii: " ")))
        dojo_use_ctrl_c_key()
        dojo_install_signal_handlers()
        dojo_start_signal_relay()
    }

    /// Reads one line with the prompt (keep prompts ASCII: libedit mis-measures wide prompts).
    func read(prompt: String) -> Input {
        _ = dojo_take_signal()
        _ = dojo_take_ctrl_c_key()
        dojo_set_in_readline(1)
        let line = readline(prompt)
        dojo_set_in_readline(0)
        let ctrlC = dojo_take_ctrl_c_key()
        if ctrlC != 0 {
            line.map { free($0) }
            return .interrupted(emptyLine: ctrlC == 1)
        }
        guard let raw = line else {
            let signal = dojo_take_signal()
            if signal == SIGINT { return .interrupted(emptyLine: false) }  // `kill -INT`: the line is unknown
            if signal == SIGTERM || signal == SIGHUP { return .terminated(signal) }
            return .endOfInput
        }
        defer { free(raw) }
        let signal = dojo_take_signal()
        if signal == SIGTERM || signal == SIGHUP { return .terminated(signal) }
        return .line(String(cString: raw))
    }

    /// Adds a line to the history and saves the history file.
    func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        add_history(line)
        save()
    }

    func save() {
        historyFile?.save { write_history($0) == 0 }
    }
}

/// libedit's completion hook: completes `/commands` at the start of the line.
private func completeSlashCommand(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    dojo_rl_set_attempted_completion_over(1)  // never fall back to file names
    guard start == 0, let text, String(cString: text).hasPrefix("/") else { return nil }
    return rl_completion_matches(text, slashCommandGenerator)
}

/// Readline's generator protocol: called with state 0, 1, 2… until it returns nil.
private func slashCommandGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    guard let text else { return nil }
    let prefix = String(cString: text)
    let matches = LineEditor.commands.filter { $0.hasPrefix(prefix) }
    guard Int(state) < matches.count else { return nil }
    return strdup(matches[Int(state)])
}
