import CTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `dojo` binary on a real pseudo-terminal, so libedit, the locale, signals and
/// terminal modes behave as they do for a person at a keyboard.
final class PseudoTerminal {
    let master: Int32
    let pid: pid_t
    private(set) var output = Data()

    init(arguments: [String], environment: [String: String] = [:], directory: String = DojoBinary.repositoryRoot,
         rows: UInt16 = 40, columns: UInt16 = 100) throws {
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = nil
        env.removeValue(forKey: "NO_COLOR")
        env.removeValue(forKey: "COLUMNS")
        for (key, value) in environment { env[key] = value }
        let argv = ([DojoBinary.path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var masterFD: Int32 = -1
        let child = dojo_spawn_pty(DojoBinary.path, argv, envp, directory, rows, columns, &masterFD)
        guard child > 0 else { throw POSIXError(.EIO) }
        master = masterFD
        pid = child
    }

    /// Types text (UTF-8) as keystrokes.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Types `text` and waits until the line editor has echoed it, that is, has taken the keys in:
    /// a control key sent next (Ctrl-C, Tab, Up) then cannot overtake the text however loaded the
    /// machine is. Returns whether the echo came.
    @discardableResult
    func typeEchoed(_ text: String, timeout: Double = 20) -> Bool {
        let mark = output.count
        type(text)
        return waitFor(text, after: mark, timeout: timeout)
    }

    /// Makes sure the line editor is reading keys, on an empty line, before a control key (Ctrl-C,
    /// Ctrl-D) that only means "end" on an empty line: types a character and waits for its echo, then
    /// erases it and waits for the erase to be drawn. A prompt on screen alone is not proof (a key
    /// sent right after it could still be lost under load); an echo is.
    @discardableResult
    func settle(timeout: Double = 20) -> Bool {
        guard typeEchoed("x", timeout: timeout) else { return false }
        let mark = output.count
        type("\u{7F}")
        let deadline = Date().addingTimeInterval(timeout)
        while output.count == mark && Date() < deadline { _ = waitFor("\u{0}", after: mark, timeout: 0.1) }
        return output.count > mark
    }

    /// Runs `action` (typing a line, a key) and waits for a prompt printed after it: the line editor
    /// is reading again and in its own terminal mode, so the next keys are taken as keys. Waiting for
    /// a prompt printed before `action` would be a race.
    @discardableResult
    func afterNextPrompt(_ prompt: String = "> ", timeout: Double = 20, _ action: () -> Void) -> Bool {
        let mark = output.count
        action()
        return waitFor(prompt, after: mark, timeout: timeout)
    }

    /// Changes the terminal's size, as a person resizing the window would; the kernel sends the
    /// program SIGWINCH.
    func resize(rows: UInt16, columns: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// `text` without ANSI control sequences (colours, cursor movement).
    static func plain(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var state = 0  // 0 text, 1 after ESC, 2 inside CSI
        for scalar in text.unicodeScalars {
            switch state {
            case 0: if scalar == "\u{1B}" { state = 1 } else { out.append(scalar) }
            case 1: state = scalar == "[" ? 2 : 0
            default: if (0x40...0x7E).contains(scalar.value) { state = 0 }
            }
        }
        return String(out)
    }

    /// The output so far as text (ANSI sequences included).
    var text: String { String(decoding: output, as: UTF8.self) }

    /// Reads until `needle` appears after `offset` (in output bytes) or the timeout passes; returns whether it appeared.
    @discardableResult
    func waitFor(_ needle: String, after offset: Int = 0, timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if String(decoding: output.suffix(from: min(offset, output.count)), as: UTF8.self).contains(needle) { return true }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 100) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if n > 0 { output.append(contentsOf: buffer[0..<n]) } else if n <= 0 { usleep(20_000) }
            }
        }
        return String(decoding: output.suffix(from: min(offset, output.count)), as: UTF8.self).contains(needle)
    }

    /// Waits for the process to exit (draining output), returning its exit status or 128+signal.
    func waitForExit(timeout: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            _ = waitFor("\u{0}", timeout: 0.1)
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                _ = waitFor("\u{0}", timeout: 0.2)
                let signal = status & 0x7F
                return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
            }
        }
        kill(pid, SIGKILL)
        return nil
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }
}
