/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
    /// "did you mean `x`?" for the closest candidate within a small edit distance, else nil.
    public static func didYouMean(_ word: String, among candidates: some Collection<String>) -> String? {
        closest(to: word, among: candidates).map { "did you mean `\($0)`?" }
    }

    /// The closest candidate (ties broken alphabetically) when it is close enough to be a typo.
    public static func closest(to word: String, among candidates: some Collection<String>) -> String? {
        let limit = max(1, min(3, word.count / 3 + 1))
        var best: (distance: Int, name: String)?
        for candidate in candidates.sorted() {
            let d = distance(word.lowercased(), candidate.lowercased())
            if d <= limit, d < (best?.distance ?? Int.max) { best = (d, candidate) }
        }
        return best?.name
    }

    /// Levenshtein distance over characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
