import Foundation

/// The exam's opening question: which value type is this buyer?
public struct TypeGuess: Sendable, Hashable {
    /// What the rep typed.
    public var answer: String
    /// The type understood from it, if any.
    public var guess: ValueType?
    /// The buyer's actual type.
    public var actual: ValueType

    /// Whether the guess is right.
    public var correct: Bool { guess == actual }
}

extension ValueType {
    /// Reads a type from what a rep types: `1/2/3`, `i/e/s`, `内/外/战`, the Chinese or English name.
    public static func parse(_ answer: String) -> ValueType? {
        let text = NormalizedText(answer).folded.trimmingCharacters(in: .whitespacesAndNewlines)
        for (type, words) in answerWords where words.contains(text) { return type }
        return nil
    }

    static let answerWords: [(ValueType, [String])] = [
        (.intrinsic, ["1", "i", "内", "内在", "内在价值", "内在价值型", "intrinsic", "intrinsic value", "transactional"]),
        (.extrinsic, ["2", "e", "外", "外在", "外在价值", "外在价值型", "extrinsic", "extrinsic value", "consultative"]),
        (.strategic, ["3", "s", "战", "战略", "战略价值", "战略价值型", "strategic", "strategic value", "enterprise"]),
    ]

    /// Reads the exam's type answer: an exact answer (`1`, `i`, `内在价值型`, `strategic`), or a
    /// sentence that names exactly one type ("i think intrinsic", "我觉得是内在价值型", "type 2").
    /// nil when no type, or more than one, is named: the question is asked again.
    public static func parseAnswer(_ answer: String) -> ValueType? {
        if let exact = parse(answer) { return exact }
        let text = NormalizedText(answer).folded
        var found: Set<ValueType> = []
        for (type, words) in answerWords {
            for word in words where word.count >= 2 || Int(word) != nil {
                if contains(word, in: text) { found.insert(type) }
            }
        }
        return found.count == 1 ? found.first : nil
    }

    /// Whether `word` occurs in `text`; a Latin word or a digit only as a whole word ("1" not in "10").
    private static func contains(_ word: String, in text: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.isASCII else { return text.contains(word) }
        var searchStart = text.startIndex
        while let range = text.range(of: word, range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isWordCharacter = { (c: Character?) -> Bool in c.map { $0.isASCII && ($0.isLetter || $0.isNumber) } ?? false }
            if !isWordCharacter(before) && !isWordCharacter(after) { return true }
            searchStart = range.upperBound
        }
        return false
    }

    /// Reads a type at the start of an answer and returns the rest as the reason:
    /// "内 他只看价格", "2, wants installation help", "strategic: both CEOs involved".
    public static func parsePrefix(_ answer: String) -> (type: ValueType, rest: String)? {
        let trimmed = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        let folded = NormalizedText(trimmed).folded
        var best: (type: ValueType, length: Int)?
        for (type, words) in answerWords {
            for word in words where folded.hasPrefix(word) && word.count > (best?.length ?? 0) {
                // A Latin word must end at a boundary ("i" must not take "interested").
                let next = folded.dropFirst(word.count).first
                if let last = word.last, last.isASCII, last.isLetter || last.isNumber, let next, next.isASCII, next.isLetter || next.isNumber {
                    continue
                }
                best = (type, word.count)
            }
        }
        guard let best else { return nil }
        // Folding keeps one character per original character here (the type words are plain), so the
        // same count of characters is cut from the original answer.
        let rest = trimmed.dropFirst(best.length).drop { " ,，:：;；.。、-—".contains($0) }
        return (best.type, String(rest).trimmingCharacters(in: .whitespaces))
    }
}
