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
        let table: [(ValueType, [String])] = [
            (.intrinsic, ["1", "i", "内", "内在", "内在价值", "内在价值型", "intrinsic", "intrinsic value", "transactional"]),
            (.extrinsic, ["2", "e", "外", "外在", "外在价值", "外在价值型", "extrinsic", "extrinsic value", "consultative"]),
            (.strategic, ["3", "s", "战", "战略", "战略价值", "战略价值型", "strategic", "strategic value", "enterprise"]),
        ]
        for (type, words) in table where words.contains(text) { return type }
        return nil
    }
}
