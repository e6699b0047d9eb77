import CEditLine
import CTerminalSupport
import DojoKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the REPL's lines come from: libedit on a terminal, plain lines from a pipe.
protocol ReplySource: AnyObject {
    func read(prompt: String) -> LineEditor.Input
    func remember(_ line: String)
    /// Whether this is an interactive terminal.
    var interactive: Bool { get }
}

extension LineEditor: ReplySource {
    var interactive: Bool { true }
}

/// One reply per line from a pipe or file: no prompt, no editing. Over-long lines and invalid
/// UTF-8 are reported (to stderr) and skipped, never silently mangled.
final class PipedReplies: ReplySource {
    private var reader: LineReader
    private var lineNumber = 0
    /// Longest reply accepted, in bytes.
    static let maxReplyBytes = 4096
    let interactive = false
    /// The language of the notices; set to the scenario's once it is known.
    var ui: UILanguage

    init(fd: Int32 = STDIN_FILENO, ui: UILanguage) {
        reader = LineReader(fd: fd, maxLength: Self.maxReplyBytes)
        self.ui = ui
        dojo_install_signal_handlers()
    }

    func read(prompt: String) -> LineEditor.Input {
        while true {
            guard let line = reader.next() else {
                if reader.interrupted {
                    let signal = dojo_take_signal()
                    if signal == SIGINT { return .interrupted(emptyLine: true) }  // a pipe has no line being typed
                    if signal == SIGTERM || signal == SIGHUP { return .terminated(signal) }
                    continue
                }
                return .endOfInput
            }
            lineNumber += 1
            let signal = dojo_take_signal()
            if signal == SIGTERM || signal == SIGHUP { return .terminated(signal) }
            switch line {
            case let .tooLong(length):
                printError(ui.pick("第 \(lineNumber) 行：", "line \(lineNumber): ") + Self.tooLongMessage(bytes: length, ui: ui))
            case let .text(bytes):
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    printError(ui.pick("第 \(lineNumber) 行：不是有效的 UTF-8 文本，已忽略。",
                                       "line \(lineNumber): not valid UTF-8 text; skipped."))
                    continue
                }
                return .line(text)
            }
        }
    }

    func remember(_ line: String) {}

    /// The one message for a reply over the limit, piped or typed.
    static func tooLongMessage(bytes: Int, ui: UILanguage) -> String {
        ui.pick("回答有 \(bytes) 字节，超过 \(maxReplyBytes) 字节的上限，已忽略；请精简后再说。",
                "the reply is \(bytes) bytes, over the \(maxReplyBytes)-byte limit; skipped — say it more briefly.")
    }
}
