/// Finds numbers, money, percentages, durations and questions in folded text. These feed the cue
/// slots (`{money}` …) and the style signals. Everything is a hand-written linear scan: no regex
/// runs on trainee text.
public enum SignalScanner {
    /// What a span is.
    public enum Kind: Int, Sendable, Hashable, CaseIterable {
        case number, money, percent, duration, question
    }

    /// A recognised span of folded scalars, half-open.
    public struct Span: Sendable, Hashable {
        /// What it is.
        public var kind: Kind
        /// First folded scalar.
        public var start: Int
        /// One past the last folded scalar.
        public var end: Int
    }

    // MARK: character classes

    @inline(__always) static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isLatinLetter(_ c: UInt32) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) }
    @inline(__always) static func isWordScalar(_ c: UInt32) -> Bool { isDigit(c) || isLatinLetter(c) || c == 0x27 || (c >= 0xC0 && c < 0x2000) }

    /// Classes of CJK characters the scanner cares about, one flag byte per character of U+3400–U+9FFF
    /// (a load per test, where a `Set` would hash).
    private struct CJKClass: OptionSet {
        let rawValue: UInt8
        static let digit = CJKClass(rawValue: 1)
        static let magnitude = CJKClass(rawValue: 2)
        /// Classifiers and units that make a lone Chinese numeral a number ("一周", "三家").
        static let classifier = CJKClass(rawValue: 4)
        /// After a number, 成 followed by these is a word (成本, 成交), not a tenth (三成).
        static let notPercentAfterCheng = CJKClass(rawValue: 8)
    }

    private static let cjkClasses: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0xA000 - 0x3400)
        func mark(_ characters: String, _ flag: CJKClass) {
            for s in characters.unicodeScalars where s.value >= 0x3400 { table[Int(s.value) - 0x3400] |= flag.rawValue }
        }
        mark("零〇一二两三四五六七八九十百千万亿半几", .digit)
        mark("十百千万亿", .magnitude)
        mark("个件支台套年月周天日成折万元块毛角倍家次位名人吨条批箱款种项层季度小时分钟副只", .classifier)
        mark("本功为交立熟长员果绩型品就全", .notPercentAfterCheng)
        return table
    }()

    @inline(__always)
    private static func isCJK(_ c: UInt32, _ flag: CJKClass) -> Bool {
        guard c >= 0x3400 && c < 0xA000 else { return false }
        return cjkClasses.withUnsafeBufferPointer { $0[Int(c &- 0x3400)] } & flag.rawValue != 0
    }

    /// 〇 (U+3007) sits below the table.
    @inline(__always) static func isChineseDigit(_ c: UInt32) -> Bool { c == 0x3007 || isCJK(c, .digit) }
    @inline(__always) static func isChineseMagnitude(_ c: UInt32) -> Bool { isCJK(c, .magnitude) }
    @inline(__always) static func isClassifier(_ c: UInt32) -> Bool { isCJK(c, .classifier) }
    static let moneySuffixes = WordList(["块钱", "元", "块", "毛钱", "毛", "角", "分钱", "美元", "美金", "欧元", "英镑", "人民币", "rmb", "usd", "cny",
                                         "dollars", "dollar", "bucks", "yuan", "euros", "euro", "pounds"])
    /// "a year", "每年": an amount per period reads as money even without a currency word ("save you 200k a year").
    static let perPeriodWords = WordList(["a year", "per year", "every year", "each year", "a month", "per month", "every month",
                                          "annually", "per annum", "a quarter", "per quarter", "/year", "/yr", "/month", "p.a.",
                                          "saved", "in savings", "of savings", "off", "cheaper", "lower", "less"])
    /// Verbs of money in the words just before an amount ("save you 200k", "worth 150,000").
    static let moneyVerbs: [[UInt32]] = ["save", "saving", "saves", "worth", "cost", "costs", "spend", "budget", "cut", "pay", "paying",
                                         "price", "discount", "rebate", "省", "节约", "节省", "成本", "预算", "便宜"].map(scalars)
    static let moneyPrefixes = WordList(["¥", "$", "€", "£", "us$", "rmb", "usd", "cny"])
    static let magnitudeWords = WordList(["万", "千", "百", "亿", "k", "m", "w", "million", "thousand", "billion", "mn", "bn"])
    static let durationUnits = WordList(["个工作日", "工作日", "个星期", "个礼拜", "个季度", "个小时", "个月", "星期", "礼拜", "季度", "小时",
                                         "分钟", "天", "日", "周", "月", "年", "business days", "working days", "days", "day",
                                         "weeks", "week", "months", "month", "years", "year", "hours", "hour", "quarters",
                                         "quarter", "minutes"])
    static let englishNumbers = WordList(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                          "eleven", "twelve", "fifteen", "twenty", "thirty", "fifty", "hundred", "a few",
                                          "a couple of", "several", "a"])
    /// The buckets (`c & 63`, as `WordList.byFirst`) of the scalars that can follow a number word of `englishNumbers`
    /// and a space in a duration: the first scalars of the duration units, and of the word after the first space of
    /// the number phrases ("few" in "a few").
    static let afterNumberWord: UInt64 = {
        var buckets: UInt64 = 0
        for (bucket, words) in durationUnits.byFirst.enumerated() where words != 0 { buckets |= 1 << UInt64(bucket) }
        for k in 0..<(englishNumbers.bounds.count - 1) {
            let word = englishNumbers.scalars[englishNumbers.bounds[k]..<englishNumbers.bounds[k + 1]]
            if let space = word.firstIndex(of: 0x20), space + 1 < word.endIndex { buckets |= 1 << UInt64(word[space + 1] & 63) }
        }
        return buckets
    }()
    static let percentPrefix: [UInt32] = scalars("百分之")
    static let withinWords = WordList(["之内", "以内", "内"])
    static let percentWords = WordList(["%", "percent", "per cent", "pct"])

    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @inline(__always)
    static func matches(_ text: [UInt32], at index: Int, _ word: [UInt32]) -> Bool {
        guard index + word.count <= text.count else { return false }
        for k in 0..<word.count where text[index + k] != word[k] { return false }
        return true
    }

    /// A fixed list of words, flat, with a filter on first scalars so most positions are rejected
    /// with one test.
    struct WordList: Sendable {
        let scalars: [UInt32]
        /// Word `k` is `scalars[bounds[k] ..< bounds[k + 1]]`.
        let bounds: [Int]
        /// For each bucket `c & 63` of a first scalar `c`: the words (bit k: word k) starting in it.
        let byFirst: [UInt64]
        /// Each word's second scalar (`UInt32.max` for a one-scalar word): most candidates of a bucket are told
        /// apart by it ("the" from "three", "ten", "two" …) before comparing them in full.
        let seconds: [UInt32]

        init(_ words: [String]) {
            precondition(words.count <= 64, "a word list holds at most 64 words")
            var scalars: [UInt32] = [], bounds = [0]
            var byFirst = [UInt64](repeating: 0, count: 64)
            var seconds: [UInt32] = []
            for (k, word) in words.enumerated() {
                let value = word.unicodeScalars.map(\.value)
                if let first = value.first { byFirst[Int(first & 63)] |= 1 << UInt64(k) }
                seconds.append(value.count > 1 ? value[1] : UInt32.max)
                scalars += value
                bounds.append(scalars.count)
            }
            self.scalars = scalars
            self.bounds = bounds
            self.byFirst = byFirst
            self.seconds = seconds
        }
    }

    /// The longest of `words` at `index` (optionally after one space), returning its end.
    static func longest(_ words: WordList, in text: [UInt32], at index: Int, allowSpace: Bool = true,
                        wordBoundary: Bool = true) -> Int? {
        let startCount = allowSpace && index < text.count && text[index] == 0x20 ? 2 : 1
        var best: Int?
        for start in index..<(index + startCount) where start < text.count {
            var candidates = words.byFirst[Int(text[start] & 63)]
            while candidates != 0 {
                let k = candidates.trailingZeroBitCount
                candidates &= candidates - 1
                let second = words.seconds[k]
                if second != UInt32.max && (start + 1 >= text.count || text[start + 1] != second) { continue }
                let from = words.bounds[k], to = words.bounds[k + 1]
                let end = start + (to - from)
                guard end <= text.count else { continue }
                var same = true
                for offset in 0..<(to - from) where text[start + offset] != words.scalars[from + offset] { same = false; break }
                guard same else { continue }
                // Latin words must end at a word boundary ("m" must not eat "more").
                if wordBoundary, to > from, isLatinLetter(words.scalars[to - 1]), end < text.count, isLatinLetter(text[end]) { continue }
                if best.map({ end > $0 }) ?? true { best = end }
            }
        }
        return best
    }

    /// Scans a folded text.
    public static func scan(_ text: [UInt32]) -> [Span] {
        var spans: [Span] = []
        scan(text, into: &spans)
        return spans
    }

    /// Scans a folded text into `spans` (emptied first; the evaluator reuses one array from reply to reply).
    static func scan(_ text: [UInt32], into spans: inout [Span]) {
        spans.emptyKeepingCapacity()
        spans.reserveCapacity(16)
        var i = 0
        let n = text.count
        // The tables read at most scalars, loaded once: every read of a static is a `swift_once` call.
        let numbers = englishNumbers, durations = durationUnits, classes = cjkClasses, afterNumber = afterNumberWord
        // The text and the CJK classes through buffer pointers for the two runs skipped scalar by scalar below (plain CJK
        // characters, the rest of a word): the arrays checked every index.
        text.withUnsafeBufferPointer { t in
        classes.withUnsafeBufferPointer { classes in
        while i < n {
            let c = t[i]
            // Most scalars are CJK characters that start nothing: skipped before the tests below, which all fail for
            // them but for Chinese numerals and the question particles 吗 and 呢; a run of them in one loop.
            if isPlainCJK(c, classes) {
                i += 1
                while i < n && isPlainCJK(t[i], classes) { i += 1 }
                continue
            }
            // Currency prefix then a number: ¥200,000 / $30k / rmb 5000
            // Only these can start a currency prefix (¥ $ € £ us$ rmb usd cny).
            let currencyStart = c == 0xA5 || c == 0x24 || c == 0x20AC || c == 0xA3 || c == 0x75 || c == 0x72 || c == 0x63
            if currencyStart && (!isLatinLetter(c) || i == 0 || !isLatinLetter(text[i - 1])) {
                if let prefixEnd = longest(moneyPrefixes, in: text, at: i, allowSpace: false),
                   let number = arabicNumber(text, prefixEnd < n && text[prefixEnd] == 0x20 ? prefixEnd + 1 : prefixEnd) {
                    var end = number.end
                    if let magnitude = longest(magnitudeWords, in: text, at: end) { end = magnitude }
                    if let suffix = longest(moneySuffixes, in: text, at: end) { end = suffix }
                    spans.append(Span(kind: .number, start: number.start, end: number.end))
                    spans.append(Span(kind: .money, start: i, end: end))
                    i = end
                    continue
                }
            }
            if isDigit(c) && (i == 0 || !isLatinLetter(text[i - 1])), let number = arabicNumber(text, i) {
                spans.append(Span(kind: .number, start: number.start, end: number.end))
                i = classifyAfterNumber(text, number: number.start..<number.end, into: &spans)
                continue
            }
            if isChineseDigit(c) {
                if matches(text, at: i, percentPrefix), let number = chineseOrArabic(text, i + 3) {
                    spans.append(Span(kind: .percent, start: i, end: number.end))
                    i = number.end
                    continue
                }
                var end = i
                while end < n && isChineseDigit(text[end]) { end += 1 }
                let length = end - i
                let approximate = end + 1 < n && (text[end] == 0x591A || text[end] == 0x4F59 || text[end] == 0x6765)  // 多 余 来
                    && isClassifier(text[end + 1])
                let strong = length >= 2 || (end < n && (isClassifier(text[end]) || (text[end] == 0x4E2A /* 个 */))) || approximate
                // A lone "一" is usually a word (一定, 一起), not a number, unless a classifier follows.
                if strong && !(length == 1 && (c == 0x4E07 || c == 0x5343 || c == 0x767E || c == 0x4EBF || c == 0x5341 && end >= n)) {
                    spans.append(Span(kind: .number, start: i, end: end))
                    i = classifyAfterNumber(text, number: i..<end, into: &spans)
                    continue
                }
                i = end
                continue
            }
            if isLatinLetter(c) && (i == 0 || !isWordScalar(t[i - 1])) {
                var end = i + 1
                while end < n && isWordScalar(t[end]) { end += 1 }
                // A duration in words ("two weeks", "a few days") is a number word ending with this word (or a number
                // phrase starting with it), a space, and a unit. So the word lists are searched only when this word can
                // start a number word and the scalar after the space after it can start a unit or a phrase's next word:
                // most words fail these two bit tests, where each search was a call.
                if numbers.byFirst[Int(c & 63)] != 0, end + 1 < n, text[end] == 0x20, afterNumber & (1 &<< UInt64(text[end + 1] & 63)) != 0,
                   let wordEnd = longest(numbers, in: text, at: i, allowSpace: false), wordEnd < n, text[wordEnd] == 0x20,
                   let unit = longest(durations, in: text, at: wordEnd + 1, allowSpace: false) {
                    spans.append(Span(kind: .duration, start: i, end: unit))
                    i = unit
                    continue
                }
                i = end
                continue
            }
            if c == 0x3F /* ? */ {
                spans.append(Span(kind: .question, start: i, end: i + 1))
            } else if c == 0x5417 /* 吗 */ || c == 0x5462 /* 呢 */ {
                let next = i + 1 < n ? text[i + 1] : 0x2E
                if i + 1 >= n || isClauseBoundary(next) || next == 0x20 {
                    spans.append(Span(kind: .question, start: i, end: i + 1))
                }
            }
            i += 1
        }
        }
        }
    }

    /// A CJK ideograph that starts no signal: not a Chinese numeral, nor the question particles 吗 and 呢.
    @inline(__always)
    private static func isPlainCJK(_ c: UInt32, _ classes: UnsafeBufferPointer<UInt8>) -> Bool {
        c >= 0x3400 && c < 0xA000 && classes[Int(c &- 0x3400)] & CJKClass.digit.rawValue == 0 && c != 0x5417 && c != 0x5462
    }

    /// After a number: money, percent or duration units, returning where scanning resumes.
    static func classifyAfterNumber(_ text: [UInt32], number: Range<Int>, into spans: inout [Span]) -> Int {
        let n = text.count
        var end = number.upperBound
        // "二十多万", "20余万元", "十来天": an approximation mark before a magnitude or unit belongs to the number.
        if end + 1 < n, text[end] == 0x591A /* 多 */ || text[end] == 0x4F59 /* 余 */ || text[end] == 0x6765 /* 来 */,
           longest(magnitudeWords, in: text, at: end + 1, allowSpace: false) != nil
            || longest(moneySuffixes, in: text, at: end + 1, allowSpace: false) != nil
            || longest(durationUnits, in: text, at: end + 1, allowSpace: false) != nil {
            end += 1
        }
        if let percent = longest(percentWords, in: text, at: end) {
            spans.append(Span(kind: .percent, start: number.lowerBound, end: percent))
            return percent
        }
        if end < n, text[end] == 0x6298 /* 折 */ {
            spans.append(Span(kind: .percent, start: number.lowerBound, end: end + 1))
            return end + 1
        }
        if end < n, text[end] == 0x6210 /* 成 */, end + 1 >= n || !isCJK(text[end + 1], .notPercentAfterCheng) {
            spans.append(Span(kind: .percent, start: number.lowerBound, end: end + 1))
            return end + 1
        }
        if let unit = longest(durationUnits, in: text, at: end) {
            var unitEnd = unit
            if let within = longest(withinWords, in: text, at: unitEnd, allowSpace: false) {
                unitEnd = within
            }
            // "5年" is a duration, but "5年的合同" too; "3月" may be a date — still a span of time for our purposes.
            spans.append(Span(kind: .duration, start: number.lowerBound, end: unitEnd))
            return unitEnd
        }
        var magnitudeEnd: Int?
        if let magnitude = longest(magnitudeWords, in: text, at: end) {
            magnitudeEnd = magnitude
            end = magnitude
        }
        if var suffix = longest(moneySuffixes, in: text, at: end) {
            // Spoken prices: 一块五 (1.5), 两块八毛: a digit after 块/元 is the tenths.
            let unit = text[suffix - 1]
            if (unit == 0x5757 /* 块 */ || unit == 0x5143 /* 元 */), suffix < n,
               isChineseDigit(text[suffix]) && !isChineseMagnitude(text[suffix]) || (suffix < n && isDigit(text[suffix])) {
                suffix += 1
                if suffix < n, text[suffix] == 0x6BDB /* 毛 */ || text[suffix] == 0x89D2 /* 角 */ { suffix += 1 }
            }
            spans.append(Span(kind: .money, start: number.lowerBound, end: suffix))
            return suffix
        }
        if isBareAmount(text, number: number.lowerBound..<(magnitudeEnd ?? end), magnitude: magnitudeEnd != nil) {
            spans.append(Span(kind: .money, start: number.lowerBound, end: magnitudeEnd ?? end))
            return magnitudeEnd ?? end
        }
        if let magnitudeEnd {
            let last = text[magnitudeEnd - 1]
            // "20万" with no classifier after it reads as money in sales talk; "20万件" does not.
            let chineseMagnitude = last == 0x4E07 || last == 0x4EBF
            if chineseMagnitude && (magnitudeEnd >= n || !isClassifier(text[magnitudeEnd])) {
                spans.append(Span(kind: .money, start: number.lowerBound, end: magnitudeEnd))
            }
            return magnitudeEnd
        }
        return end
    }

    /// An amount without a currency word that still reads as money: "200k" or "200,000" (a Latin magnitude,
    /// or at least four digits) per period ("a year", "saved") or after a verb of money ("save you 200k").
    static func isBareAmount(_ text: [UInt32], number: Range<Int>, magnitude: Bool) -> Bool {
        var digits = 0
        for i in number where isDigit(text[i]) { digits += 1 }
        let latinMagnitude = magnitude && isLatinLetter(text[number.upperBound - 1])
        guard latinMagnitude || (digits >= 4 && !magnitude) else { return false }
        if longest(perPeriodWords, in: text, at: number.upperBound) != nil { return true }
        // A verb of money among the three words before the amount.
        var start = number.lowerBound, words = 0
        while start > 0 && words < 4 {
            start -= 1
            if text[start] == 0x20 { words += 1 }
            if isClauseBoundary(text[start]) && !(text[start] == 0x2C && start > 0 && isDigit(text[start - 1])) { start += 1; break }
        }
        var i = start
        while i < number.lowerBound {
            for verb in moneyVerbs where matches(text, at: i, verb) {
                let after = i + verb.count
                let bounded = (i == 0 || !isLatinLetter(text[i - 1])) && (after >= text.count || !isLatinLetter(text[after]) || !isLatinLetter(verb[0]))
                if bounded { return true }
            }
            i += 1
        }
        return false
    }

    /// `1,000.50` style numbers starting at `i`.
    static func arabicNumber(_ text: [UInt32], _ i: Int) -> (start: Int, end: Int)? {
        guard i < text.count, isDigit(text[i]) else { return nil }
        var end = i
        while end < text.count {
            let c = text[end]
            if isDigit(c) { end += 1; continue }
            if (c == 0x2C || c == 0x2E) && end + 1 < text.count && isDigit(text[end + 1]) { end += 1; continue }
            break
        }
        return (i, end)
    }

    static func chineseOrArabic(_ text: [UInt32], _ i: Int) -> (start: Int, end: Int)? {
        if let number = arabicNumber(text, i) { return number }
        var end = i
        while end < text.count && isChineseDigit(text[end]) { end += 1 }
        return end > i ? (i, end) : nil
    }

    /// The clause ends above ASCII that `isClauseBoundary` accepts (。 、 … ｡), for scanners that filter by a bit set
    /// first (`FeatureExtractor`); a test keeps the two in step.
    static let nonASCIIClauseBoundaries: [UInt32] = [0x3002, 0x3001, 0x2026, 0xFF61]

    /// Punctuation that ends a clause: , ; : . ! ? and their CJK forms (most are folded to ASCII already).
    @inline(__always)
    static func isClauseBoundary(_ c: UInt32) -> Bool {
        c == 0x2C || c == 0x3B || c == 0x2E || c == 0x21 || c == 0x3F || c == 0x3002 || c == 0x3001 || c == 0x0A
            || c == 0x3A || c == 0x2026 || c == 0xFF61
    }

    /// Punctuation that ends a sentence: . ! ? 。 ; and newlines ("8.5" is not a sentence end).
    @inline(__always)
    static func isSentenceBoundary(_ text: [UInt32], _ i: Int) -> Bool {
        let c = text[i]
        if c == 0x2E {
            let before = i > 0 ? text[i - 1] : 0, after = i + 1 < text.count ? text[i + 1] : 0
            return !(isDigit(before) && isDigit(after))
        }
        return c == 0x21 || c == 0x3F || c == 0x3002 || c == 0x3B || c == 0x0A || c == 0xFF61
    }
}
