import Foundation
import Testing
@testable import DojoKit

/// The trained detector keeps the buyer lines it read lately (`BuyerLineCache`): a reply must score the same whether its
/// line was read just now, kept from an earlier reply, or dropped and read again.
@Suite("Buyer lines kept between replies")
struct BuyerLineCacheTests {
    static let lines = [
        "能不能再便宜一点？", "你们的报价含安装吗？", "我們想找長期合作的夥伴，你們怎麼看？", "交期要多久？",
        "Can you do better on price?", "Does the price include installation and training?",
        "What would a partnership look like for both of us?", "Who else should we involve from our side?",
        "Our engineers keep clipping the uprights. What would you do?", "",
    ]
    static let replies = [
        "含安装的，另外我们免费培训操作工。", "Yes, installation is included in the price, and we train your operators.",
        "五万支以上单价再降5%，报价今天发您。", "We'd rather build this with you as partners: shared risk, shared gain.",
        "Who in your plant signs off on the budget?", "我们不会降价，但可以每年帮您节约20万元。",
    ]

    @Test("what the cache gives for a line equals reading it afresh, after more lines than it keeps and for the same text in other bytes")
    func cachedEqualsFresh() {
        var cache = BuyerLineCache()
        let decomposed = "Cafe\u{301} deliveries: does the price include installation?"
        let composed = "Caf\u{E9} deliveries: does the price include installation?"
        #expect(decomposed == composed && decomposed.utf8.count != composed.utf8.count)
        let long = String(repeating: "Does the price include installation? ", count: 200)
        #expect(long.utf8.count > BuyerLineCache.longestKept)
        let sequence = Self.lines.filter { !$0.isEmpty } + [decomposed, composed, long] + Self.lines.reversed().filter { !$0.isEmpty }
            + [composed, long]
        #expect(Set(sequence.map { Array($0.utf8) }).count > BuyerLineCache.capacity)
        for line in sequence {
            let kept = cache.buyerLine(line)
            let fresh = FeatureExtractor.BuyerLine(NormalizedText(line))
            #expect(kept.tokens == fresh.tokens && kept.asks == fresh.asks, "\(line)")
        }
    }

    @Test("a reply scores the same after any sequence of other buyer lines as on an evaluator that read only its own line")
    func assessmentsDoNotDependOnEarlierLines() throws {
        let model = try #require(Shipped.model)
        let buyers = [ValueType.intrinsic, .extrinsic]
        // For each line, an evaluator that reads no other: the figures to match.
        var expected: [[[Assessment]]] = []
        for line in Self.lines {
            let own = Evaluator(catalog: Shipped.library.catalog, model: model)
            expected.append(Self.replies.map { reply in buyers.map { own.assess(reply, buyer: $0, prompt: line.isEmpty ? nil : line) } })
        }
        // One evaluator through every line: in order, then rotated so that each is dropped from the cache before it comes back.
        let shared = Evaluator(catalog: Shipped.library.catalog, model: model)
        for step in [1, 3, 7] {
            for (i, reply) in Self.replies.enumerated() {
                for k in Self.lines.indices {
                    let l = (k * step + i) % Self.lines.count, line = Self.lines[l]
                    for (b, buyer) in buyers.enumerated() {
                        #expect(shared.assess(reply, buyer: buyer, prompt: line.isEmpty ? nil : line) == expected[l][i][b], "\(reply) / \(line)")
                    }
                }
            }
        }
    }

    @Test("the buyer line's token filter never rejects one of its tokens, and rejects most others")
    func tokenFilter() {
        var state: UInt64 = 20_261_202
        func next() -> UInt64 {  // SplitMix64: the same hashes every run
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var rejected = 0, others = 0
        for line in Self.lines {
            let tokens = FeatureExtractor.promptTokens(NormalizedText(line))
            let filter = FeatureExtractor.TokenFilter(tokens)
            for hash in tokens { #expect(filter.mayContain(hash), "\(line)") }
            for _ in 0..<2_000 {
                let hash = next()
                if tokens.contains(hash) { continue }
                others += 1
                if !filter.mayContain(hash) { rejected += 1 }
            }
            // The Han characters of the reply's own kind (code points next to each other) are spread too.
            for c in UInt64(0x4E00)..<UInt64(0x4E00 + 2_000) where !tokens.contains(c | 0x4800_0000_0000) {
                others += 1
                if !filter.mayContain(c | 0x4800_0000_0000) { rejected += 1 }
            }
        }
        #expect(FeatureExtractor.TokenFilter().mayContain(42) == false)
        #expect(Double(rejected) / Double(others) > 0.8)
    }
}
