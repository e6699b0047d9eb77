import Testing
@testable import DojoKit

/// The evaluator's rewritten inner loops against the plain versions they replace: the same results, bit for bit.
@Suite("Evaluator kernels: vectorised and counted forms agree with the plain loops")
struct EvaluatorKernelTests {
    /// SplitMix64: the same inputs every run.
    struct Numbers {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("length units four scalars at a time equal the scalar loop, at every length and mix")
    func lengthUnits() {
        // Letters, digits, CJK, the edges of each range, spaces and punctuation.
        let alphabet: [UInt32] = [0x61, 0x7A, 0x41, 0x5A, 0x30, 0x39, 0x2F, 0x3A, 0x40, 0x5B, 0x60, 0x7B, 0x20, 0x2C, 0x3400, 0x33FF,
                                  0x9FFF, 0xA000, 0x4E2D, 0x6587, 0x3002, 0xE9, 0x1F600]
        var numbers = Numbers(state: 5)
        var texts: [[UInt32]] = ["", "a", "ab c", "中文 text 123", "降价5%，save 20k a year"].map { $0.unicodeScalars.map(\.value) }
        for count in 0..<40 {
            for _ in 0..<25 { texts.append((0..<count).map { _ in alphabet[Int(numbers.next() % UInt64(alphabet.count))] }) }
        }
        for text in texts {
            let vectorised = text.withUnsafeBufferPointer { Analysis.lengthUnits($0) }
            #expect(vectorised == Analysis.lengthUnits(text.lazy.map { $0 }), "\(text)")
        }
    }

    @Test("the fold's notes: length units and a letter a–z as counted on the folded scalars, CJK as String.containsCJK")
    func foldNotes() {
        // ASCII of every class, white space runs, CJK (Traditional and Simplified, the edges of the block), full-width
        // and accented Latin, punctuation that folds to several scalars, compatibility forms, and beyond the BMP.
        let alphabet: [String] = ["a", "Z", "q", "0", "9", " ", "  ", "\t", "\n", ",", ".", "-", "'", "中", "價", "㐀", "鿿", "ꀀ",
                                  "Ａ", "ｚ", "５", "　", "é", "É", "ß", "·", "…", "“", "ﷺ", "㎏", "Ⅻ", "😀", "¥", "\u{00A0}"]
        var numbers = Numbers(state: 23)
        var texts = ["", " ", "a", "中文 text 123", "降價5%，save 20k a year ", "ＡＢＣ１２３", "Café…ﷺ"]
        for count in 0..<30 {
            for _ in 0..<30 { texts.append((0..<count).map { _ in alphabet[Int(numbers.next() % UInt64(alphabet.count))] }.joined()) }
        }
        for text in texts {
            var buffers = ReplyBuffers(), notes = NormalizedText.Notes()
            let folded = NormalizedText(text, reusing: &buffers, notes: &notes)
            #expect(notes.lengthUnits == Analysis.lengthUnits(folded.scalars.lazy.map { $0 }), "\(text)")
            #expect(notes.hasLowercaseLetter == folded.scalars.contains(where: EnglishStemmer.isLetter), "\(text)")
            #expect(notes.containsCJK == text.containsCJK, "\(text)")
        }
    }

    @Test("reused arrays: emptied keeping their storage, and resized for overwriting to exactly the size asked")
    func reusedArrays() {
        var numbers = Numbers(state: 17)
        var array: [UInt32] = []
        for _ in 0..<200 {
            let count = Int(numbers.next() % 300)
            let before = array
            array.resizeForOverwrite(to: count, filler: 7)
            #expect(array.count == count)
            // What it kept is what was there; what it added is the filler.
            #expect(array.prefix(before.count).elementsEqual(before.prefix(count)))
            #expect(array.dropFirst(before.count).allSatisfy { $0 == 7 })
            array.withUnsafeMutableBufferPointer { buffer in
                for i in buffer.indices { buffer[i] = UInt32(truncatingIfNeeded: numbers.next()) }
            }
            if numbers.next() % 4 == 0 {
                let capacity = array.capacity
                array.emptyKeepingCapacity()
                #expect(array.isEmpty && array.capacity == capacity)
                array.emptyKeepingCapacity()
                #expect(array.isEmpty && array.capacity == capacity)
            }
        }
    }

    @Test("cue strength from counts equals the sum over the pieces sorted strongest first")
    func strength() {
        var numbers = Numbers(state: 11)
        for _ in 0..<2_000 {
            let units = (0..<Int(numbers.next() % 7)).map { i in
                Analysis.EvidenceUnit(tactic: Int(numbers.next() % 2), start: i, end: i + 1, strong: numbers.next() % 2 == 0,
                                      figure: false, questioned: numbers.next() % 3 == 0)
            }
            for tactic in [nil, 0, 1] as [Int?] {
                // The sort it replaces: strongest first, earlier first among equals; the first in full, the others 0.2.
                let ordered = units.filter { tactic == nil || $0.tactic == tactic }.enumerated()
                    .sorted { ($1.element.weight, $0.offset) < ($0.element.weight, $1.offset) }.map(\.element)
                var expected = 0.0
                for (i, unit) in ordered.enumerated() { expected += (i == 0 ? (unit.strong ? 0.6 : 0.5) : 0.2) * (unit.questioned ? 0.4 : 1) }
                let counted = CueDetector.strength(of: units, tactic: tactic)
                #expect(counted.bitPattern == expected.bitPattern, "\(units) tactic \(String(describing: tactic))")
            }
        }
    }

    @Test("a match that only continues the previous one of its tactic across a figure adds no strength: \"ISO 13485 certified\"")
    func figureJoinsOneMention() throws {
        let index = Shipped.evaluator.index
        let joined = Analysis(reply: "Yes, we are ISO 13485 certified, certificate attached.", index: index)
        let tactic = try #require(joined.units.first?.tactic, "no cue matched")
        let units = joined.units.filter { $0.tactic == tactic }
        try #require(units.count == 2, "\(joined.units)")
        #expect(!units[0].continuesPrevious && units[1].continuesPrevious)
        #expect(CueDetector.strength(of: joined.units, tactic: tactic) == units[0].weight)
        // A word between the two is a second mention, and counts as one.
        let apart = Analysis(reply: "Yes, we are ISO audited and certified, certificate attached.", index: index)
        let second = apart.units.filter { $0.tactic == tactic }
        #expect(second.count == 2 && !second.contains(where: \.continuesPrevious))
        #expect(CueDetector.strength(of: apart.units, tactic: tactic) > CueDetector.strength(of: joined.units, tactic: tactic))
    }

    @Test("exemplar similarities for some value types are those for all types, kept to the wanted ones; the highest is returned")
    func exemplarSimilaritiesByType() {
        let index = CueIndex(catalog: Shipped.library.catalog)
        let exemplars = ExemplarIndex(tactics: index.tactics)
        // Model answers (close to some documents), pieces of them, mixed scripts, and text no document shares.
        var texts = index.tactics.prefix(40).flatMap { $0.modelAnswers.all.prefix(1) }
        texts += texts.map { String($0.prefix(12)) + " and the price 20% lower" }
        texts += ["", "？？？", "zzz qqq", "我们可以降价，也可以提供更好的服务。", "We can cut your cost by 20% a year and train your team."]
        for text in texts {
            let scalars = NormalizedText(text).scalars
            let all = exemplars.similarities(scalars, typeMask: 0b111)
            for mask in UInt8(1)...7 {
                var best: [Double] = [], terms: [UInt64] = []
                let highest = exemplars.similarities(scalars, typeMask: mask, into: &best, terms: &terms)
                let expected = all.indices.map { p in mask & (1 << (index.tacticTypes[p]?.ordinal ?? 0)) != 0 ? all[p] : 0 }
                #expect(best == expected, "\(text), types \(mask)")
                #expect(highest == (best.max() ?? 0), "\(text), types \(mask)")
            }
        }
    }

    @Test("the clause ends above ASCII listed for the model's scope scan are exactly those the signal scan accepts")
    func clauseBoundaryListMatchesScanner() {
        let accepted = (UInt32(0x80)...UInt32(0x2FFFF)).filter { SignalScanner.isClauseBoundary($0) }
        #expect(accepted == SignalScanner.nonASCIIClauseBoundaries.sorted())
        // The question-clause walk tests scalars below 0x40 by a bit set of its own, the rest by the filter of the list above.
        #expect((UInt32(0x40)..<0x80).allSatisfy { !SignalScanner.isClauseBoundary($0) })
    }
}
