import Foundation
import Testing
@testable import DojoKit

/// The reply's words read once in the analysis (`ReplyWords`) against the passes they replace for the trained model: the
/// same stemmed text as `EnglishStemmer.fold`, and the same tokens and features as the scalar-by-scalar tokeniser, for
/// both readings of a reply (as it is, and as if it negated nothing).
@Suite("Feature words: the analysis's shared words give the scalar tokeniser's tokens")
struct FeatureWordsTests {
    /// Replies of every kind: shipped corpus lines (Chinese, English and mixed), model answers, figures and slots inside or
    /// next to words, negation words inside words, contractions, and random mixes of the scalars that matter.
    static let replies: [String] = {
        var replies = [
            "", "a", "don't cut 5days, we won't", "$500k savings and 20percent off", "rather than cutting prices we'll train them",
            "we can't promise, no reductions; not only saves costs", "3 weeks delivery, 2 weeks' notice", "abc123def's offers",
            "我们不会降价 but we won't charge shipping", "'quoted' words", "no-one isn't unable", "cannot, nothing, noway",
            "20k-30k units at ¥5,000 each, 10% off for 3 years", "二十多万，降价5%，save 20k a year", "It's not cheaper, it's better.",
            "we'll never raise prices unless costs rise", "不便宜但是省钱", "usd500/month", "rmb 5000 and us$30k",
        ]
        let corpus = Shipped.root + "/Scenarios/corpus"
        for file in ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted() where file.hasSuffix(".jsonl") {
            guard let text = try? String(contentsOfFile: corpus + "/" + file, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").prefix(60) where line.hasPrefix("{") {
                if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let reply = object["reply"] as? String {
                    replies.append(reply)
                }
            }
        }
        let index = CueIndex(catalog: Shipped.library.catalog)
        replies += index.tactics.flatMap { $0.modelAnswers.all.prefix(2) }
        let alphabet = ["a", "s", "e", "d", "g", "y", "i", "n", "o", "t", "'", "0", "5", " ", " ", ",", ".", "$", "%", "¥", "-", "不",
                        "没", "降", "价", "五", "万", "元", "?", "吗", "not ", "no ", "never ", "won't ", "rather than ", "instead of ",
                        "saving", "costs", "reduced", "days", "weeks", "k", "percent"]
        var state: UInt64 = 29
        for count in 1..<40 {
            for _ in 0..<12 {
                replies.append((0..<count).map { _ in
                    state &+= 0x9E37_79B9_7F4A_7C15
                    var z = state
                    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                    return alphabet[Int((z ^ (z >> 31)) % UInt64(alphabet.count))]
                }.joined())
            }
        }
        return replies
    }()

    @Test("the words' pass stems the text exactly as the stemmer does")
    func stemmedTextAsTheStemmer() {
        for reply in Self.replies {
            let scalars = NormalizedText(reply).scalars
            var expected = EnglishStemmer.Folded(), stemmed = EnglishStemmer.Folded()
            var words: [ReplyWords.Word] = []
            let changed = EnglishStemmer.fold(scalars, into: &expected)
            #expect(ReplyWords.read(scalars, stemmingInto: &stemmed, words: &words) == changed, "\(reply)")
            #expect(stemmed.scalars == expected.scalars && stemmed.spans == expected.spans, "\(reply)")
        }
    }

    @Test("tokens and features from the shared words equal the scalar tokeniser's, in both readings")
    func tokensAsTheScalarTokeniser() {
        let index = CueIndex(catalog: Shipped.library.catalog)
        var fromWords = 0, fellBack = 0
        for reply in Self.replies {
            var buffers = ReplyBuffers()
            let analysis = Analysis(reply: reply, index: index, buffers: &buffers, readingWords: true)
            let words = buffers.words
            #expect(words.isRead == analysis.text.scalars.contains(where: EnglishStemmer.isLetter), "\(reply)")
            guard words.isRead else { continue }
            let reading = FeatureExtractor.Reading(analysis, prompt: nil)
            for ignoringNegation in [false, true] {
                var expected: [FeatureExtractor.Token] = [], tokens: [FeatureExtractor.Token] = []
                FeatureExtractor.tokenizeScalars(analysis, reading, ignoringNegation: ignoringNegation, into: &expected)
                if FeatureExtractor.tokenize(words: words.list, analysis, reading, ignoringNegation: ignoringNegation, into: &tokens) {
                    fromWords += 1
                    #expect(tokens == expected, "\(reply), ignoring negation: \(ignoringNegation)")
                } else {
                    fellBack += 1
                }
                var shared: [FeatureExtractor.Feature] = [], plain: [FeatureExtractor.Feature] = []
                FeatureExtractor.features(reading, analysis, ignoringNegation: ignoringNegation, words: words, tokens: &tokens, into: &shared)
                FeatureExtractor.features(reading, analysis, ignoringNegation: ignoringNegation, tokens: &tokens, into: &plain)
                #expect(shared.map(\.hash) == plain.map(\.hash) && shared.map(\.start) == plain.map(\.start)
                    && shared.map(\.end) == plain.map(\.end), "\(reply), ignoring negation: \(ignoringNegation)")
            }
        }
        // Both ways are exercised: most replies from the words, a few (a slot ending inside a word) by scalars.
        #expect(fromWords > 1_000)
        #expect(fellBack > 0)
    }

    @Test("the buyer line's words are hashed as the reply's tokens are: stemmed, so 'installation' in both lines is one token")
    func buyerLineTokensMatchTheReplys() {
        let index = CueIndex(catalog: Shipped.library.catalog)
        let cases: [(buyer: String, reply: String, shared: Set<String>)] = [
            ("Does the price include installation?", "Yes, installation is included in the price.", ["installation", "included", "the", "price"]),
            ("Can your engineers train our operators?", "Our engineers trained operators at two plants.", ["our", "engineers", "trained", "operators"]),
            ("你们的报价含安装吗？", "含安装，另外免费培训。", ["含", "安", "装"]),
            ("Is the 2024 price still valid?", "The 2025 price is 4,800.", ["the", "price", "is"]),
        ]
        for item in cases {
            for readingWords in [false, true] {
                var buffers = ReplyBuffers()
                let analysis = Analysis(reply: item.reply, index: index, buffers: &buffers, readingWords: readingWords)
                let reading = FeatureExtractor.Reading(analysis, prompt: nil)
                var tokens: [FeatureExtractor.Token] = [], features: [FeatureExtractor.Feature] = []
                FeatureExtractor.features(reading, analysis, ignoringNegation: false, words: buffers.words, tokens: &tokens, into: &features)
                let prompt = Set(FeatureExtractor.promptTokens(NormalizedText(item.buyer)))
                let scalars = analysis.text.scalars
                let shared = Set(tokens.filter { $0.kind != .slot && prompt.contains($0.hash) }.map { token in
                    String(String.UnicodeScalarView(scalars[Int(token.start)..<Int(token.end)].compactMap(Unicode.Scalar.init)))
                })
                #expect(shared == item.shared, "\(item.reply), reading words: \(readingWords)")
            }
        }
    }
}
