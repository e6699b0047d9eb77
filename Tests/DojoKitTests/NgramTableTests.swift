import Foundation
import Testing
@testable import DojoKit

/// The n-gram table beside the network (`NgramTable`, `NgramReader`, `NgramTrainer`), on the tiny corpus with small tables.
@Suite("n-gram table")
struct NgramTableTests {
    /// Small tables, so that a test model trains in a moment.
    static let small: NgramTrainer.Settings = {
        var settings = NgramTrainer.Settings()
        settings.charBits = 10
        settings.wordBits = 9
        settings.epochs = 30
        settings.calibrationFolds = 0
        return settings
    }()

    static func reading(_ reply: String, withoutNegations: Bool = false, charBits: Int = 15, wordBits: Int = 14) -> [NgramOccurrence] {
        let analysis = Analysis(reply: reply, index: Shipped.evaluator.index)
        var view: [Int32] = [], occurrences: [NgramOccurrence] = []
        if withoutNegations {
            NgramReader.read(analysis.text.scalars, skipping: analysis.negationWords, charBits: charBits, wordBits: wordBits, view: &view, into: &occurrences)
        } else {
            NgramReader.read(analysis.text.scalars, skipping: EmptyCollection<Range<Int>>(), charBits: charBits, wordBits: wordBits,
                             view: &view, into: &occurrences)
        }
        return occurrences
    }

    @Test("a reply's n-grams: every character 1-4-gram of each padded token and every word 1-2-gram, in the right buckets")
    func counts() {
        // "ab cd": padded tokens " ab " and " cd " (4 scalars: 4 + 3 + 2 + 1 = 10 character n-grams each), words ab, cd, "ab cd".
        let occurrences = Self.reading("ab cd")
        #expect(occurrences.count == 10 + 10 + 3)
        #expect(occurrences.prefix(20).allSatisfy { $0.bucket >= 0 && $0.bucket < 1 << 15 })
        #expect(occurrences.suffix(3).allSatisfy { $0.bucket >= 1 << 15 && $0.bucket < 1 << 15 + 1 << 14 })
        // Spans are folded scalar ranges inside the reply: the bigram covers both words.
        #expect(occurrences.allSatisfy { $0.start >= 0 && $0.start < $0.end && $0.end <= 5 })
        #expect(occurrences.last == NgramOccurrence(bucket: occurrences.last!.bucket, start: 0, end: 5))
        // The same n-gram in two places falls in the same bucket: " ab" and " cd" differ, the padding space does not.
        #expect(occurrences[0].bucket == occurrences[10].bucket)
        #expect(occurrences[1].bucket != occurrences[11].bucket)
    }

    @Test("read without its negation words, a reply with a negator reads exactly as the reply without it")
    func negationFree() {
        // The reply with its negation words (as the analysis finds them) cut out, rebuilt from the folded text.
        func withoutNegationWords(_ reply: String) -> String {
            let analysis = Analysis(reply: reply, index: Shipped.evaluator.index)
            let scalars = analysis.text.scalars
            // The words may overlap ("will not" and "not"): drop the scalars any of them covers, once.
            var dropped = [Bool](repeating: false, count: scalars.count)
            for word in analysis.negationWords { for i in word.clamped(to: 0..<scalars.count) { dropped[i] = true } }
            return String(String.UnicodeScalarView(scalars.indices.filter { !dropped[$0] }.compactMap { Unicode.Scalar(scalars[$0]) }))
        }
        for negated in ["We will not cut the unit price by 8%.", "我们不给折扣，但是可以延长保修。", "No visits needed, we never charge for the quote.",
                        "我們不會繞過經銷商。"] {
            let plain = withoutNegationWords(negated)
            #expect(plain != negated.lowercased(), "\(negated): no negation word found")
            #expect(Self.reading(negated, withoutNegations: true).map(\.bucket) == Self.reading(plain).map(\.bucket), "\(negated) / \(plain)")
            #expect(Self.reading(negated).map(\.bucket) != Self.reading(plain).map(\.bucket), "\(negated)")
        }
        // Written out: the negator inserted and taken away again.
        #expect(Self.reading("我們不給折扣。", withoutNegations: true).map(\.bucket) == Self.reading("我們給折扣。").map(\.bucket))
    }

    @Test("Traditional and Simplified spellings read the same n-grams")
    func scripts() {
        #expect(Self.reading("我們可以給你一個 volume discount，50k 以上單價再降 5%").map(\.bucket)
                == Self.reading("我们可以给你一个 volume discount，50k 以上单价再降 5%").map(\.bucket))
    }

    @Test("training is deterministic, the file round-trips the table, and the 8-bit logits match the float weights closely")
    func trainsAndRoundTrips() throws {
        let model = TinyCorpus.model(ngram: Self.small)
        #expect(model.encoded() == TinyCorpus.model(ngram: Self.small).encoded())
        let table = try #require(model.ngram)
        #expect(table.labels == Shipped.library.catalog.allTactics.filter { !$0.isAntiPattern }.map(\.id))
        let decoded = try TacticModel(decoding: model.encoded())
        let back = try #require(decoded.ngram)
        #expect(back.labels == table.labels && back.idf == table.idf && back.weights == table.weights
                && back.scales == table.scales && back.biases == table.biases && back.networkWeight == table.networkWeight
                && back.charBits == 10 && back.wordBits == 9)
        #expect(decoded.encoded() == model.encoded())
        // What the table learnt: the price cut it was shown scores above the small talk for price-angle.
        let lane = try #require(table.labels.firstIndex(of: "price-angle"))
        func logit(_ reply: String) -> Float {
            let analysis = Analysis(reply: reply, index: Shipped.evaluator.index)
            var view: [Int32] = [], occurrences: [NgramOccurrence] = []
            NgramReader.read(analysis.text.scalars, skipping: EmptyCollection<Range<Int>>(), charBits: 10, wordBits: 9, view: &view, into: &occurrences)
            return [Float](unsafeUninitializedCapacity: table.labels.count) { buffer, count in
                table.logits(occurrences[...], into: buffer)
                count = table.labels.count
            }[lane]
        }
        #expect(logit("We'll cut the unit price by 8% on this order.") > logit("Thanks, talk tomorrow.") + 1)
    }

    @Test("the file-size budget counts the table and the whole header: a model with a table fits it, its table untouched")
    func budget() throws {
        let full = TinyCorpus.model(ngram: Self.small)
        let budget = full.encoded().count - 40 * (full.hidden / 2)
        let trimmed = TinyCorpus.model(maxFileBytes: budget, ngram: Self.small)
        #expect(trimmed.encoded().count <= budget)
        #expect(trimmed.storedRows > 0 && trimmed.storedRows < full.storedRows)
        #expect(trimmed.ngram?.weights == full.ngram?.weights && trimmed.ngram?.idf == full.ngram?.idf)
    }

    @Test("a file whose n-gram table header disagrees with its bytes, or is cut short, is refused with a clear error")
    func damagedTable() throws {
        let bytes = TinyCorpus.model(ngram: Self.small).encoded()
        // The header says 2^11 character buckets where the bytes hold 2^10 (checksum made right again).
        let text = String(decoding: bytes, as: UTF8.self)
        let key = try #require(text.range(of: "\"char_bits\":10"))
        var patched = bytes
        let at = text.utf8.distance(from: text.startIndex, to: key.upperBound) - 1
        patched[at] = UInt8(ascii: "1")
        var checksum = FNV1a.hash(patched.dropLast(8))
        withUnsafeBytes(of: &checksum) { patched.replaceSubrange(patched.count - 8..<patched.count, with: $0) }
        #expect(throws: TacticModel.FileError.self) { try TacticModel(decoding: patched) }
        var cut = Array(bytes.dropLast(8 + 100))
        var sum = FNV1a.hash(cut)
        withUnsafeBytes(of: &sum) { cut.append(contentsOf: $0) }
        #expect(throws: TacticModel.FileError.self) { try TacticModel(decoding: cut) }
    }

    @Test("with the network's share at 0 the table decides: an n-gram it weighs credits its tactic and is quoted; a bias alone credits nothing")
    func blend() throws {
        let network = TinyCorpus.model()
        let labels = Shipped.library.catalog.allTactics.filter { !$0.isAntiPattern }.map(\.id)
        let lane = try #require(labels.firstIndex(of: "needs-diagnosis"))
        let buckets = 1 << 10 + 1 << 9
        let word = try #require(Self.reading("overtime", charBits: 10, wordBits: 9).last)
        func table(weight: Int8, bias: Float) -> NgramTable {
            var weights = [Int8](repeating: 0, count: buckets * labels.count)
            weights[Int(word.bucket) * labels.count + lane] = weight
            var biases = [Float](repeating: -6, count: labels.count)
            biases[lane] = bias
            return NgramTable(labels: labels, charBits: 10, wordBits: 9, networkWeight: 0, idf: [UInt8](repeating: 16, count: buckets),
                              weights: weights, scales: [Float](repeating: 1, count: labels.count), biases: biases)
        }
        func evaluator(_ table: NgramTable) -> Evaluator {
            Evaluator(catalog: Shipped.library.catalog,
                      model: TacticModel(metadata: network.metadata, scales: network.scales, hiddenBiases: network.hiddenBiases, output: network.output,
                                         outputBiases: network.outputBiases, present: network.present, rows: network.rows, ngram: table))
        }
        let weighed = evaluator(table(weight: 127, bias: -4))
        let reply = "Sure, Thursday works. How much overtime did the line run last month"
        let finding = try #require(weighed.assess(reply).tactics.first { $0.id == "needs-diagnosis" })
        #expect(finding.isUsed)
        #expect(finding.evidence.contains { $0.contains("overtime") })
        #expect(finding.evidence.allSatisfy(reply.contains))
        #expect(weighed.assess("Sure, Thursday works.").tactics.allSatisfy { $0.id != "needs-diagnosis" || !$0.isUsed })
        // A bias that alone says "used" credits nothing: no n-gram of the reply pushes the tactic up.
        let biased = evaluator(table(weight: 0, bias: 8))
        #expect(biased.assess("Sure, Thursday works.").tactics.allSatisfy { $0.id != "needs-diagnosis" || !$0.isUsed })
    }
}
