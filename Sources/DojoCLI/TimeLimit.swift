import ArgumentParser
import Foundation

/// An exam's time limit, written as hours, minutes and seconds: `20m`, `90s`, `1h30m`, `45` (minutes).
struct TimeLimit: ExpressibleByArgument, Sendable, Hashable {
    /// The limit in seconds (at least one).
    var seconds: Double

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        if let minutes = Int(text) {
            guard minutes > 0 else { return nil }
            seconds = Double(minutes) * 60
            return
        }
        var total = 0
        var digits = ""
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            guard let value = Int(digits), let unit = ["h": 3600, "m": 60, "s": 1][String(character)] else { return nil }
            total += value * unit
            digits = ""
        }
        guard digits.isEmpty, total > 0 else { return nil }
        seconds = Double(total)
    }

    static var defaultCompletionKind: CompletionKind { .default }

    /// As the user would write it: `20m`, `1h30m`, `90s` → `1m30s`.
    var description: String {
        let whole = Int(seconds)
        let (h, m, s) = (whole / 3600, whole % 3600 / 60, whole % 60)
        return (h > 0 ? "\(h)h" : "") + (m > 0 ? "\(m)m" : "") + (s > 0 || whole == 0 ? "\(s)s" : "")
    }

    /// The time left before `deadline` as a prompt prefix: `[19:42]`, `[1:05:00]`, `[0:00]`.
    static func clock(until deadline: Date, now: Date = Date()) -> String {
        let left = max(0, Int(deadline.timeIntervalSince(now).rounded(.up)))
        let (h, m, s) = (left / 3600, left % 3600 / 60, left % 60)
        return h > 0 ? String(format: "[%d:%02d:%02d]", h, m, s) : String(format: "[%d:%02d]", m, s)
    }
}
