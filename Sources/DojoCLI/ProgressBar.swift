import Foundation

/// A one-line progress bar on stderr (only on a terminal).
struct ProgressBar {
    let total: Int
    let enabled: Bool
    private let width = 30

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func update(_ done: Int) {
        guard enabled, total > 0, done == total || done % max(1, total / 200) == 0 else { return }
        let filled = done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
