/// Turns an analysed reply into hashed features for the trained detector: CJK character 1–3-grams,
/// stemmed Latin word 1–2-grams, typed slot tokens (money, percent, duration, number) in place of the
/// figures, and every feature marked by its scope — inside a negation, after a contrast such as
/// "rather than / instead of / 与其", inside a question — so that a negated offer is a different feature
/// from an offer. Each feature keeps the folded scalar range it covers, for evidence quotes.
enum FeatureExtractor {
    /// Names the feature scheme in model files; a model trained with another scheme is refused.
    static let scheme = "ngram-scope-cue-overlap-v4"

    /// One hashed feature and the folded scalars it covers.
    struct Feature: Sendable {
        var hash: UInt64
        var start: Int32
        var end: Int32
    }

    /// Scope flags per folded scalar.
    struct Scope: OptionSet, Sendable {
        let rawValue: UInt8
        static let negated = Scope(rawValue: 1)
        static let contrasted = Scope(rawValue: 2)
        static let question = Scope(rawValue: 4)
    }

    enum TokenKind: UInt8 { case han, word, slot }

    struct Token: Equatable {
        var hash: UInt64
        var kind: TokenKind
        var start: Int32
        var end: Int32
        var scope: Scope
        /// Whether the previous token is adjacent (no punctuation between them).
        var joined: Bool
    }

    /// Words after which a clause's offer is contrasted away ("rather than cut the price, …").
    static let contrastMarkers: [[UInt32]] = ["rather than", "instead of", "与其", "比起", "而不是", "而非"]
        .map { $0.unicodeScalars.map(\.value) }
    /// The first scalar of each contrast marker: most scalars start none, and are skipped at once.
    private static let contrastMarkerStarts: [UInt32] = Array(Set(contrastMarkers.compactMap(\.first))).sorted()
    /// The first scalar of each contrast marker, in the markers' order.
    private static let contrastMarkerFirsts: [UInt32] = contrastMarkers.map { $0[0] }

    /// What both readings of a reply share (with and without its negations): per folded scalar, its scope flags,
    /// whether it belongs to a negation word, and the figure slot starting there; and the buyer line's tokens.
    struct Reading {
        /// What is known of one folded scalar. One array of these, where three arrays (and a copy of one for the
        /// second reading) cost an allocation each: more, for a short reply, than filling them.
        struct Scalar {
            /// `Scope` flags, and `negationWord`.
            var flags: UInt8
            var slotKind: UInt8
            /// Where the figure slot starting here ends; -1 when none starts here.
            var slotEnd: Int32
        }

        /// One per folded scalar, and one past the end (index n); reused storage may hold more, which are not read.
        var scalars: [Scalar]
        /// What the features read of the buyer's line; nil without one.
        var buyerLine: BuyerLine?

        init(_ analysis: Analysis, prompt: NormalizedText?) {
            var storage: [Scalar] = []
            self.init(analysis, prompt: prompt, reusing: &storage)
        }

        /// Reads the reply into the storage of `storage`, which it takes (the detector gives it back for the next reply).
        init(_ analysis: borrowing Analysis, prompt: NormalizedText?, reusing storage: inout [Scalar]) {
            self.init(analysis, buyerLine: prompt.map(BuyerLine.init), reusing: &storage)
        }

        /// The same with the buyer line already read (`BuyerLine`; the detector keeps the lines it has read).
        init(_ analysis: borrowing Analysis, buyerLine: BuyerLine?, reusing storage: inout [Scalar]) {
            let n = analysis.text.scalars.count
            scalars = []
            swap(&scalars, &storage)
            // Grown when too short, never shrunk, and only its first n + 1 entries cleared in place: resized to each
            // reply's length, it appended blanks element by element for every reply longer than the one before.
            let blank = Scalar(flags: 0, slotKind: 0, slotEnd: -1)
            if scalars.count < n + 1 { scalars.append(contentsOf: repeatElement(blank, count: n + 1 - scalars.count)) }
            scalars.withUnsafeMutableBufferPointer { UnsafeMutableBufferPointer(rebasing: $0[...n]).update(repeating: blank) }
            FeatureExtractor.markScopes(analysis, in: &scalars)
            // Negation words, read as absent when the reply is read as if it negated nothing.
            for word in analysis.negationWords {
                for i in max(0, word.lowerBound)..<min(n, max(word.lowerBound, word.upperBound)) { scalars[i].flags |= negationWord }
            }
            // Slot kind starting at each folded index (money, percent and duration over plain numbers).
            for span in analysis.spans where span.kind != .question && span.start < n {
                let here = scalars[span.start]
                let better = here.slotEnd < 0 || (here.slotKind == UInt8(SignalScanner.Kind.number.rawValue) && span.kind != .number)
                    || Int32(span.end) > here.slotEnd && span.kind != .number
                if better {
                    scalars[span.start].slotEnd = Int32(span.end)
                    scalars[span.start].slotKind = UInt8(span.kind.rawValue)
                }
            }
            self.buyerLine = buyerLine
        }
    }

    /// The reply's features. With `ignoringNegation`, the reply is read as if it negated nothing: negation words are
    /// skipped and nothing is marked negated (a negated cue counts as a plain one). The model scores a negating reply
    /// no higher than it would score the same words without the negation, so a negation never adds credit.
    static func features(of analysis: Analysis, prompt: NormalizedText? = nil, ignoringNegation: Bool = false) -> [Feature] {
        var tokens: [Token] = [], features: [Feature] = []
        Self.features(Reading(analysis, prompt: prompt), analysis, ignoringNegation: ignoringNegation, tokens: &tokens, into: &features)
        return features
    }

    /// The same into `features` (emptied first), from a reading of the reply; `tokens` is working space. The detector
    /// reuses both from reply to reply, and gives the reply's words when the analysis read them (`ReplyWords.isRead`).
    /// Returns where the reply-level features start (the n-grams come first, in reading order).
    @discardableResult
    static func features(_ reading: Reading, _ analysis: Analysis, ignoringNegation: Bool, words: ReplyWords? = nil, tokens: inout [Token],
                         into features: inout [Feature]) -> Int {
        tokenize(analysis, reading, ignoringNegation: ignoringNegation, words: words, into: &tokens)
        features.emptyKeepingCapacity()
        // Room for the reply-level and cue features after the n-grams too: growing the list copies it.
        features.reserveCapacity(tokens.count * 3 + 8 + analysis.units.count + analysis.negated.count)
        addNgrams(of: tokens, emittedAt: 0..<tokens.count, &features)
        let replyLevel = features.count
        // Reply-level features: a question anywhere, the figures it names, its rough length.
        var kinds: UInt64 = 0
        for span in analysis.spans { kinds |= 1 << UInt64(span.kind.rawValue) }
        // Reply-level features cover no span (start == end): they are never quoted as evidence, and never the
        // one feature that speaks for a tactic on its own.
        if kinds != 0 { features.append(Feature(hash: mix(0x5149_4E44, kinds), start: 0, end: 0)) }
        addLengthAndPromptFeatures(reading, tokens: tokens, &features)
        // What the cue matcher saw, so the model learns how far each tactic's cues can be trusted:
        // credited (plain or structured), only inside a question, or negated.
        for unit in analysis.units {
            let kind: UInt64 = unit.questioned ? 3 : (unit.strong ? 2 : 1)
            features.append(Feature(hash: mix(mix(0x4355_4500, UInt64(unit.tactic)), kind), start: Int32(unit.start), end: Int32(unit.end)))
        }
        addNegatedCueFeatures(analysis, ignoringNegation: ignoringNegation, &features)
        return replyLevel
    }

    /// How the reply's features read as if it negated nothing (`ignoringNegation`) differ from its features as they are
    /// (`features(_:_:ignoringNegation:tokens:into:)` with `ignoringNegation: false`, whose tokens are `firstTokens`):
    /// into `change` (emptied first) go features of the first reading, then, from the returned index on, the features
    /// of the second reading that take their place. As multisets, the second reading's features are the first's less
    /// the ones before that index plus the ones after it (features both readings share may be on both sides), which is
    /// all the detector needs: its row sums are exact integers, changed by taking rows away and adding others.
    ///
    /// Only the tokens around the negations differ: the second reading is tokenised in full (into `tokens`), but its
    /// n-grams are hashed only where the two token lists differ, and the first reading's there are copied from its
    /// feature list (`firstFeatures`), not hashed again: hashing a reading's n-grams is over half its cost, and the
    /// quarter of replies that have a negation and a tactic in question read the reply twice.
    static func negationFreeChange(_ reading: Reading, _ analysis: Analysis, firstTokens: [Token], firstFeatures: [Feature],
                                   words: ReplyWords? = nil, tokens: inout [Token], into change: inout [Feature]) -> Int {
        tokenize(analysis, reading, ignoringNegation: true, words: words, into: &tokens)
        let second = tokens, first = firstTokens
        // The two lists' common start and end, token by token (all fields: hash, kind, span, scope and joining).
        let shared = min(first.count, second.count)
        var prefix = 0, suffix = 0
        while prefix < shared && first[prefix] == second[prefix] { prefix += 1 }
        while suffix < shared - prefix && first[first.count - 1 - suffix] == second[second.count - 1 - suffix] { suffix += 1 }
        // The n-grams emitted at a token read it and the two before it: those emitted before `prefix` are the same in
        // both lists, and so are those emitted at the last `suffix - 2` tokens (all three tokens in the common end).
        let sameTail = max(0, suffix - 2)
        change.emptyKeepingCapacity()
        change.reserveCapacity(3 * (first.count + second.count - 2 * (prefix + sameTail)) + 6 + 2 * analysis.negated.count)
        // The first reading's n-grams are its tokens' in order: those of the differing tokens start after the ones the
        // tokens before emitted.
        var skipped = 0, differing = 0
        for i in 0..<prefix { skipped += emittedCount(first, at: i) }
        for i in prefix..<(first.count - sameTail) { differing += emittedCount(first, at: i) }
        change.append(contentsOf: firstFeatures[skipped..<(skipped + differing)])
        // Of the reply-level features, the length and the buyer-line overlap are counted in tokens and the negated cues
        // are marked by the reading; the question and figure kinds and the credited cues are the same in both.
        addLengthAndPromptFeatures(reading, tokens: first, &change)
        addNegatedCueFeatures(analysis, ignoringNegation: false, &change)
        let added = change.count
        addNgrams(of: second, emittedAt: prefix..<(second.count - sameTail), &change)
        addLengthAndPromptFeatures(reading, tokens: second, &change)
        addNegatedCueFeatures(analysis, ignoringNegation: true, &change)
        return added
    }

    /// The n-grams emitted at tokens `emitted`, in order: each token, and with the one or two before it when they are
    /// joined to it (`joinedBefore`).
    @inline(__always)
    private static func addNgrams(of tokens: [Token], emittedAt emitted: Range<Int>, _ features: inout [Feature]) {
        for i in emitted {
            let token = tokens[i]
            add(token.hash, token.scope, token.start, token.end, &features)
            let joined = joinedBefore(tokens, at: i)
            guard joined > 0 else { continue }
            let previous = tokens[i - 1]
            let scope = token.scope.union(previous.scope)
            add(mix(mix(previous.hash, token.hash), 0xB1), scope, previous.start, token.end, &features)
            guard joined > 1 else { continue }
            let first = tokens[i - 2]
            add(mix(mix(mix(first.hash, previous.hash), token.hash), 0x7C3), scope.union(first.scope), first.start, token.end, &features)
        }
    }

    /// How many tokens before token `i` form n-grams with it: 1 for a bigram when it is joined to the one before, 2 for
    /// a trigram as well when that one is joined too and none of the three is a Latin word (Han and slot trigrams only).
    @inline(__always)
    private static func joinedBefore(_ tokens: [Token], at i: Int) -> Int {
        guard i > 0, tokens[i].joined else { return 0 }
        guard i > 1, tokens[i - 1].joined, tokens[i].kind != .word, tokens[i - 1].kind != .word, tokens[i - 2].kind != .word else { return 1 }
        return 2
    }

    /// How many features `addNgrams` emits at token `i` (without hashing them).
    @inline(__always)
    private static func emittedCount(_ tokens: [Token], at i: Int) -> Int {
        var scope = tokens[i].scope
        var count = featureCount(scope)
        for back in stride(from: 1, through: joinedBefore(tokens, at: i), by: 1) {
            scope.formUnion(tokens[i - back].scope)
            count += featureCount(scope)
        }
        return count
    }

    /// The reply's rough length in tokens, and with a buyer line, how much of the reply repeats it.
    @inline(__always)
    private static func addLengthAndPromptFeatures(_ reading: Reading, tokens: [Token], _ features: inout [Feature]) {
        let lengthBucket = UInt64(min(6, tokens.count / 8))
        features.append(Feature(hash: mix(0x4C45_4E47, lengthBucket), start: 0, end: 0))
        if let buyerLine = reading.buyerLine { addPromptFeatures(buyerLine, tokens: tokens, &features) }
    }

    /// The cues the analysis found negated: as negated, or as plain ones when the reply is read as if it negated nothing.
    @inline(__always)
    private static func addNegatedCueFeatures(_ analysis: Analysis, ignoringNegation: Bool, _ features: inout [Feature]) {
        for negated in analysis.negated {
            features.append(Feature(hash: mix(mix(0x4355_4500, UInt64(negated.tactic)), ignoringNegation ? 1 : 4), start: 0, end: 0))
        }
    }

    /// What the features read of the buyer's line: its tokens (`promptTokens(_:)`), a bit for each of them (most reply
    /// tokens are not in the line, and are told so at once), and whether it asks something.
    struct BuyerLine: Sendable {
        let tokens: [UInt64]
        let filter: TokenFilter
        let asks: Bool

        init(_ prompt: NormalizedText) {
            tokens = FeatureExtractor.promptTokens(prompt)
            filter = TokenFilter(tokens)
            asks = prompt.scalars.contains { $0 == 0x3F || $0 == 0x5417 /* 吗 */ }
        }
    }

    /// A 256-bit filter over token hashes: a hash whose bit is clear is not among the tokens; one whose bit is set may be
    /// (the sorted list says). No false negatives, so what it answers is what the search would.
    struct TokenFilter: Sendable, Equatable {
        private var words: SIMD4<UInt64> = .zero

        init() {}

        init(_ hashes: [UInt64]) {
            for hash in hashes {
                let bit = Self.bit(hash)
                words[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }

        @inline(__always)
        func mayContain(_ hash: UInt64) -> Bool {
            let bit = Self.bit(hash)
            return words[bit >> 6] >> UInt64(bit & 63) & 1 != 0
        }

        /// The top eight bits of the hash, mixed (a Han character's token is its code point: its low bits alone cluster).
        @inline(__always)
        private static func bit(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 56) }
    }

    /// The buyer line's Han characters and Latin words, hashed as the reply's tokens are (its words read by
    /// `ReplyWords.read`, stemmed, as the reply's; figures are left out), sorted. (Until scheme v4 the buyer's words were
    /// hashed unstemmed, so an English reply's stemmed words never matched the ones the stemmer changes.)
    static func promptTokens(_ prompt: NormalizedText) -> [UInt64] {
        let scalars = prompt.scalars
        var stemmed = EnglishStemmer.Folded(), words: [ReplyWords.Word] = []
        _ = ReplyWords.read(scalars, stemmingInto: &stemmed, words: &words)
        var promptTokens = words.filter { !SignalScanner.isDigit(scalars[Int($0.start)]) }.map(\.hash)
        for c in scalars where isHan(c) { promptTokens.append(hanToken(c)) }
        promptTokens.sort()
        return promptTokens
    }

    /// The buyer's line the reply answers: how much of the reply only repeats it. A plain answer to "What's
    /// included?" lists what was asked about; an offer quoted back from the buyer repeats the buyer's words.
    /// (The buyer's own words are not features: a model would learn the lines the corpus happens to reuse.)
    private static func addPromptFeatures(_ buyerLine: BuyerLine, tokens: [Token], _ features: inout [Feature]) {
        var shared = 0, content = 0
        for token in tokens where token.kind != .slot {
            content += 1
            if buyerLine.filter.mayContain(token.hash) && binarySearch(buyerLine.tokens, token.hash) { shared += 1 }
        }
        guard content > 0 else { return }
        let ratio = UInt64(min(4, shared * 5 / content))
        features.append(Feature(hash: mix(0x4F56_4C50, ratio), start: 0, end: 0))
        if buyerLine.asks { features.append(Feature(hash: mix(0x4F56_4C51, ratio), start: 0, end: 0)) }
    }

    private static func binarySearch(_ sorted: [UInt64], _ value: UInt64) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == value
    }

    /// How many features `add` appends for an n-gram in `scope`: two for a plain one inside a question (it keeps its
    /// plain copy), one otherwise.
    @inline(__always)
    private static func featureCount(_ scope: Scope) -> Int {
        scope.contains(.question) && !scope.contains(.negated) && !scope.contains(.contrasted) ? 2 : 1
    }

    /// Appends a feature: unscoped text keeps its plain hash; a question adds its own marked copy to the
    /// plain one (an offer put as a question is still an offer); a negation or contrast replaces it.
    @inline(__always)
    private static func add(_ hash: UInt64, _ scope: Scope, _ start: Int32, _ end: Int32, _ features: inout [Feature]) {
        if scope.contains(.negated) {
            features.append(Feature(hash: mix(hash, 0x4E45_47), start: start, end: end))
        } else if scope.contains(.contrasted) {
            features.append(Feature(hash: mix(hash, 0x434F_4E54), start: start, end: end))
        } else {
            features.append(Feature(hash: hash, start: start, end: end))
            if scope.contains(.question) { features.append(Feature(hash: mix(hash, 0x5155_45), start: start, end: end)) }
        }
    }

    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var h = (a ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        h ^= b &+ 0x94D0_49BB_1331_11EB &+ (h << 6) &+ (h >> 2)
        h = (h ^ (h >> 31)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }

    /// A Han character's token: its code point, marked.
    @inline(__always)
    static func hanToken(_ c: UInt32) -> UInt64 { UInt64(c) | 0x4800_0000_0000 }

    @inline(__always)
    static func isHan(_ c: UInt32) -> Bool {
        (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF)
    }

    /// The reply as tokens: Han characters, stemmed Latin words, slot tokens for figures. From the reply's words when the
    /// analysis read them (`tokenize(words:…)`), else (or where a slot or a negation word cuts a word) scalar by scalar.
    static func tokenize(_ analysis: Analysis, _ reading: Reading, ignoringNegation: Bool, words: ReplyWords?, into tokens: inout [Token]) {
        if let words, words.isRead, tokenize(words: words.list, analysis, reading, ignoringNegation: ignoringNegation, into: &tokens) { return }
        tokenizeScalars(analysis, reading, ignoringNegation: ignoringNegation, into: &tokens)
    }

    /// The tokens of `tokenizeScalars` from the reply's Latin words (`ReplyWords`), stepping over each word at once and
    /// over the scalars between them one by one (Han characters, spaces, punctuation; a slot may start at any); false, with `tokens` unfinished, where the
    /// words cannot give them: a slot that ends inside a word, or (read as if the reply negated nothing) a word only
    /// partly a negation word — there the scalar loop starts a token inside the word.
    static func tokenize(words: [ReplyWords.Word], _ analysis: Analysis, _ reading: Reading, ignoringNegation: Bool,
                                 into tokens: inout [Token]) -> Bool {
        let n = analysis.text.scalars.count
        let cleared = ignoringNegation ? Scope.negated.rawValue | negationWord : negationWord
        tokens.emptyKeepingCapacity()
        tokens.reserveCapacity(n)
        return analysis.text.scalars.withUnsafeBufferPointer { text in
        words.withUnsafeBufferPointer { words in
        reading.scalars.withUnsafeBufferPointer { info in
        precondition(info.count > n && text.count == n)
        var joined = false
        var p = 0, w = 0
        while p < n {
            let atWord = w < words.count && Int(words[w].start) == p
            // Negation words themselves are read as absent: a whole word of them is skipped.
            if ignoringNegation, info[p].flags & negationWord != 0 {
                guard atWord else { p += 1; continue }
                let end = Int(words[w].end)
                precondition(end <= n)
                for q in p..<end where info[q].flags & negationWord == 0 { return false }
                w += 1
                p = end
                continue
            }
            let scope = Scope(rawValue: info[p].flags & ~cleared)
            if info[p].slotEnd > 0 {
                let stop = Int(info[p].slotEnd)
                guard stop > p else { return false }
                tokens.append(Token(hash: mix(0x534C_4F54, UInt64(info[p].slotKind)), kind: .slot, start: Int32(p), end: Int32(stop),
                                    scope: scope, joined: joined))
                joined = true
                // The words the slot covers are skipped; one it ends inside would be cut.
                while w < words.count && Int(words[w].start) < stop {
                    if Int(words[w].end) > stop { return false }
                    w += 1
                }
                p = stop
                continue
            }
            if atWord {
                let word = words[w]
                tokens.append(Token(hash: word.hash, kind: .word, start: word.start, end: word.end, scope: scope, joined: joined))
                joined = true
                w += 1
                p = Int(word.end)
                continue
            }
            let c = text[p]
            if isHan(c) {
                tokens.append(Token(hash: hanToken(c), kind: .han, start: Int32(p), end: Int32(p + 1), scope: scope,
                                    joined: joined))
                joined = true
                p += 1
                continue
            }
            // A space keeps words adjacent; punctuation and other symbols break n-grams.
            if c != 0x20 { joined = false }
            p += 1
        }
        return true
        }
        }
        }
    }

    /// The reply as tokens, scalar by scalar over the stemmed text (or the folded one).
    static func tokenizeScalars(_ analysis: Analysis, _ reading: Reading, ignoringNegation: Bool, into tokens: inout [Token]) {
        let n = analysis.text.scalars.count
        // Read as if the reply negated nothing, no scalar is negated; a scope never carries the negation-word mark.
        let cleared = ignoringNegation ? Scope.negated.rawValue | negationWord : negationWord
        let stemmed = analysis.stemmed != nil
        tokens.emptyKeepingCapacity()
        tokens.reserveCapacity(n)
        // The text, its stemmed spans and the reading through pointers, their bounds checked once here: checked at each
        // scalar (several times for a word's), the checks cost about as much as the tokenising.
        (analysis.stemmed?.scalars ?? analysis.text.scalars).withUnsafeBufferPointer { source in
        (analysis.stemmed?.spans ?? []).withUnsafeBufferPointer { spans in
        reading.scalars.withUnsafeBufferPointer { info in
        precondition(info.count > n && (!stemmed || spans.count >= source.count))
        // The folded index of stemmed scalar j, and one past it (`EnglishStemmer.Folded.start(_:)` and `end(_:)`).
        @inline(__always) func start(_ j: Int) -> Int { stemmed ? Int(truncatingIfNeeded: spans[j] & 0xFFFF_FFFF) : j }
        @inline(__always) func end(_ j: Int) -> Int { stemmed ? Int(truncatingIfNeeded: spans[j] >> 32) : j + 1 }
        var joined = false
        var j = 0
        while j < source.count {
            let f = start(j)
            precondition(f <= n)
            // Negation words themselves are read as absent.
            if ignoringNegation, f < n, info[f].flags & negationWord != 0 { j += 1; continue }
            let c = source[j]
            let scope = Scope(rawValue: info[f].flags & ~cleared)
            if f < n, info[f].slotEnd > 0 {
                let stop = Int(info[f].slotEnd)
                tokens.append(Token(hash: mix(0x534C_4F54, UInt64(info[f].slotKind)), kind: .slot, start: Int32(f), end: Int32(stop),
                                    scope: scope, joined: joined))
                joined = true
                while j < source.count && start(j) < stop { j += 1 }
                continue
            }
            if isHan(c) {
                tokens.append(Token(hash: hanToken(c), kind: .han, start: Int32(f), end: Int32(end(j)),
                                    scope: scope, joined: joined))
                joined = true
                j += 1
            } else if SignalScanner.isLatinLetter(c) || SignalScanner.isDigit(c) {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                let digits = SignalScanner.isDigit(c)
                var k = j
                while k < source.count && (SignalScanner.isLatinLetter(source[k]) || SignalScanner.isDigit(source[k]) || source[k] == 0x27) {
                    if !digits { hash = (hash ^ UInt64(source[k])) &* 0x100_0000_01b3 }
                    k += 1
                }
                tokens.append(Token(hash: digits ? 0x4E55_4D42 : hash, kind: .word, start: Int32(f), end: Int32(end(k - 1)),
                                    scope: scope, joined: joined))
                joined = true
                j = k
            } else {
                // A space keeps words adjacent; punctuation and other symbols break n-grams.
                if c != 0x20 { joined = false }
                j += 1
            }
        }
        }
        }
        }
    }

    /// Marks a scalar of a negation word (`Reading.Scalar.flags`), skipped when the reply is read as if it negated nothing.
    private static let negationWord: UInt8 = 0x80

    /// Marks the scope flags of each folded scalar: negation scopes from the analysis, contrast scopes from a marker
    /// to the end of its clause, and question clauses.
    static func markScopes(_ analysis: Analysis, in marks: inout [Reading.Scalar]) {
        let n = analysis.text.scalars.count
        precondition(marks.count >= n)
        for scope in analysis.scopes {
            for i in max(0, scope.scopeStart)..<min(n, max(scope.scopeStart, scope.scopeEnd)) { marks[i].flags |= Scope.negated.rawValue }
        }
        let asksAnywhere = analysis.spans.contains { $0.kind == .question }
        // One pass over the text, through pointers, for both clause marks: each scalar is one test against the bits of
        // the scalars that can end a clause or start a contrast marker (ASCII by a 128-bit set, the rest by a 64-bit
        // filter on `c & 63`), and only those few are looked at further. A clause walk with a second scan of each
        // clause for markers, each scalar bounds-checked in both, cost about 2,200 instructions a reply.
        // The sets in locals: a static is read through a lazy-initialisation check each time.
        let asciiLow = clauseOrMarkerASCII[0], asciiHigh = clauseOrMarkerASCII[1], otherBits = clauseOrMarkerOtherBits
        let markers = contrastMarkers, markerFirsts = contrastMarkerFirsts, markerOfASCII = contrastMarkerOfASCII
        analysis.text.scalars.withUnsafeBufferPointer { scalars in
        marks.withUnsafeMutableBufferPointer { marks in
            var clauseStart = 0
            // Where the contrast found in this clause starts (its first marker's end); -1 while none is found.
            var contrastFrom = -1
            var i = 0
            while i <= n {
                // Straight to the next scalar that may end a clause or start a marker (a loop of its own, a few
                // instructions a scalar).
                while i < n {
                    let c = scalars[i]
                    if (c < 0x40 ? asciiLow : c < 0x80 ? asciiHigh : otherBits) >> UInt64(c & 63) & 1 != 0 { break }
                    i += 1
                }
                if i < n {
                    let c = scalars[i]
                    guard SignalScanner.isClauseBoundary(c) else {
                        if contrastFrom < 0, let length = contrastMarkerLength(markers, firsts: markerFirsts, ofASCII: markerOfASCII, scalars, at: i) {
                            contrastFrom = i + length
                        }
                        i += 1
                        continue
                    }
                    guard analysis.endsClause(i) else { i += 1; continue }
                }
                // Clause clauseStart..<i ends here.
                if clauseStart < i {
                    if asksAnywhere, analysis.spans.contains(where: { $0.kind == .question && $0.start < i && $0.end > clauseStart }) {
                        for k in clauseStart..<i { marks[k].flags |= Scope.question.rawValue }
                    }
                    if contrastFrom >= 0 {
                        for m in contrastFrom..<max(contrastFrom, i) { marks[m].flags |= Scope.contrasted.rawValue }
                    }
                }
                contrastFrom = -1
                clauseStart = i + 1
                i += 1
            }
        }
        }
    }

    /// The length of the contrast marker starting at `i`, if one does.
    @inline(__always)
    private static func contrastMarkerLength(_ markers: [[UInt32]], firsts: [UInt32], ofASCII: [Int8], _ scalars: UnsafeBufferPointer<UInt32>,
                                             at i: Int) -> Int? {
        @inline(__always) func length(of marker: [UInt32]) -> Int? {
            guard i + marker.count <= scalars.count else { return nil }
            var k = 1
            while k < marker.count && scalars[i + k] == marker[k] { k += 1 }
            return k == marker.count ? marker.count : nil
        }
        let c = scalars[i]
        // An ASCII scalar ("r", "i" of English text, most of them inside words) starts one marker at most: looked up, not
        // compared with every marker's first scalar (about 60 instructions a scalar tried).
        if c < 0x80 {
            let m = Int(ofASCII[Int(c)])
            return m < 0 ? nil : length(of: markers[m])
        }
        // The first scalars from a flat list: most scalars tried start no marker at all.
        for m in firsts.indices where firsts[m] == c {
            if let length = length(of: markers[m]) { return length }
        }
        return nil
    }

    /// For each ASCII scalar, the contrast marker starting with it (-1: none); no two markers start with the same one.
    private static let contrastMarkerOfASCII: [Int8] = {
        var table = [Int8](repeating: -1, count: 0x80)
        for (m, marker) in contrastMarkers.enumerated() where marker[0] < 0x80 {
            precondition(table[Int(marker[0])] < 0, "two contrast markers start with the same ASCII scalar")
            table[Int(marker[0])] = Int8(m)
        }
        return table
    }()

    /// The ASCII scalars that may end a clause or start a contrast marker, as a 128-bit set.
    private static let clauseOrMarkerASCII: [UInt64] = {
        var bits: [UInt64] = [0, 0]
        for c in UInt32(0)..<0x80 where SignalScanner.isClauseBoundary(c) || contrastMarkerStarts.contains(c) {
            bits[Int(c >> 6)] |= 1 << UInt64(c & 63)
        }
        return bits
    }()

    /// Bit `c & 63` set for each scalar past ASCII that may end a clause (those `SignalScanner.isClauseBoundary`
    /// accepts: 。、… ｡) or start a contrast marker: a filter that lets through all of those and few others.
    private static let clauseOrMarkerOtherBits: UInt64 = (SignalScanner.nonASCIIClauseBoundaries + contrastMarkerStarts.filter { $0 >= 0x80 })
        .reduce(0) { $0 | 1 << UInt64($1 & 63) }
}
