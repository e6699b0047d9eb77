import Foundation
import Testing
@testable import DojoKit

/// A small labelled corpus built in the test, so training stays fast.
enum TinyCorpus {
    static let lines: [(String, String, [String])] = [
        ("We'll cut the unit price by 8% on this order.", "intrinsic", ["price-angle"]),
        ("That's about $200,000 saved every year.", "intrinsic", ["price-angle"]),
        ("Which step of your packing line eats the most overtime?", "extrinsic", ["needs-diagnosis"]),
        ("What does a bad week look like for your maintenance crew?", "extrinsic", ["needs-diagnosis"]),
        ("Our two CEOs should meet next month to agree the roadmap.", "strategic", ["executive-alignment"]),
        ("Thanks, talk tomorrow.", "none", []),
        ("Yes, ISO 9001 and 14001, certificates attached.", "none", []),
        ("我们的单价可以再降 5%。", "intrinsic", ["price-angle"]),
        ("你们现在产线最头疼的是哪个环节？", "extrinsic", ["needs-diagnosis"]),
        ("好的，明天见。", "none", []),
    ]

    static func replies() -> [LabelledReply] {
        lines.enumerated().map { i, line in
            LabelledReply(id: "t\(i)", language: line.0.containsCJK ? "zh-Hans" : "en", reply: line.0,
                          orientation: ValueType(rawValue: line.1), tactics: line.2, antiPatterns: [],
                          location: SourceLocation(file: "tiny.jsonl", line: i + 1, column: 1))
        }
    }

    static func model(dropout: Float = 0, maxFileBytes: Int? = nil, hidden: Int = 32, members: Int = 1,
                      ngram: NgramTrainer.Settings? = nil) -> TacticModel {
        trainer(dropout: dropout, maxFileBytes: maxFileBytes, hidden: hidden, members: members, ngram: ngram)
            .train(replies(), trainedOn: "0123456789abcdef")
    }

    /// A trainer of the network alone unless `ngram` is given (the n-gram table has tests of its own).
    static func trainer(dropout: Float = 0, maxFileBytes: Int? = nil, hidden: Int = 32, members: Int = 1,
                        ngram: NgramTrainer.Settings? = nil) -> ModelTrainer {
        var settings = ModelTrainer.Settings()
        settings.ngram = ngram
        settings.maxFileBytes = maxFileBytes
        settings.featureDropout = dropout
        settings.bucketBits = 12
        settings.epochs = 40
        settings.calibrationFolds = 0
        // Ten replies: every feature is rare here, so none is dropped for rarity (the shipped model drops those
        // met in fewer than 3 replies of 10,000).
        settings.minimumCount = 1
        settings.playbookExamples = .none
        settings.modelOnlyMargin = 0
        settings.credit = 0.5
        settings.learningRate = 0.1
        settings.hidden = hidden
        settings.members = members
        settings.batchSize = 1
        return ModelTrainer(catalog: Shipped.library.catalog, settings: settings)
    }
}

extension TacticModel {
    /// Weight `h` of a row as stored (−7…7), read nibble by nibble: the reference the packed sums are checked against.
    func weight(row: Int, unit h: Int) -> Int {
        let byte = rows[row * (hidden / 2) + h / 2]
        return Int(h & 1 == 0 ? byte & 0x0F : byte >> 4) - 8
    }
}

@Suite("Trained model: file format, training, staleness")
struct TrainedModelTests {
    @Test("training is deterministic: the same inputs give the same model bytes")
    func deterministicTraining() {
        #expect(TinyCorpus.model().encoded() == TinyCorpus.model().encoded())
    }

    @Test("feature dropout is drawn from the fixed seed: the same bytes every time, and a different fit from none")
    func deterministicDropout() {
        let dropped = TinyCorpus.model(dropout: 0.3).encoded()
        #expect(dropped == TinyCorpus.model(dropout: 0.3).encoded())
        #expect(dropped != TinyCorpus.model().encoded())
    }

    @Test("a file-size budget keeps the strongest rows, weighed by how many replies have them: the file fits, and no dropped row outranks a kept one")
    func rowBudget() throws {
        let full = TinyCorpus.model()
        func buckets(_ model: TacticModel) -> [Int] { (0..<(1 << model.metadata.bucketBits)).filter { model.row(ofBucket: $0) != 0 } }
        let trainer = TinyCorpus.trainer()
        let counts = ModelTrainer.examplesPerBucket(trainer.examples(TinyCorpus.replies()), bucketBits: full.metadata.bucketBits)
        // Features met in more replies than others (the tiny corpus shares words across replies), or the weighing is not tested.
        #expect(Set(counts.filter { $0 > 0 }).count > 1)
        func strength(_ model: TacticModel, bucket: Int) -> Double {
            Double((0..<model.hidden).reduce(0) { $0 + abs(model.weight(row: model.row(ofBucket: bucket), unit: $1)) }) * log(1 + Double(counts[bucket]))
        }
        let all = buckets(full)
        #expect(all.count == full.storedRows && all.count > 20)
        let budget = full.encoded().count - (all.count / 2) * (full.hidden / 2)
        let trimmed = TinyCorpus.model(maxFileBytes: budget)
        let bytes = trimmed.encoded()
        #expect(bytes.count <= budget)
        #expect(trimmed.storedRows == TacticModel.rowCapacity(fileBytes: budget, metadata: trimmed.metadata))
        #expect(trimmed.storedRows < full.storedRows && trimmed.storedRows > 0)
        // Same fit, fewer rows: the kept ones are unchanged, and each is at least as strong as any left out.
        #expect(trimmed.scales == full.scales && trimmed.output == full.output)
        let kept = Set(buckets(trimmed))
        #expect(kept.isSubset(of: Set(all)))
        for b in kept {
            #expect((0..<full.hidden).allSatisfy { trimmed.weight(row: trimmed.row(ofBucket: b), unit: $0) == full.weight(row: full.row(ofBucket: b), unit: $0) })
        }
        let weakestKept = kept.map { strength(full, bucket: $0) }.min() ?? 0.0
        let strongestDropped = all.filter { !kept.contains($0) }.map { strength(full, bucket: $0) }.max() ?? 0.0
        #expect(weakestKept >= strongestDropped)
        #expect(try TacticModel(decoding: bytes).encoded() == bytes)
    }

    @Test("a model file round-trips: decoded weights, thresholds and metadata equal the encoded ones")
    func roundTrip() throws {
        let model = TinyCorpus.model()
        let decoded = try TacticModel(decoding: model.encoded())
        #expect(decoded.metadata == model.metadata)
        #expect(decoded.rows == model.rows)
        #expect(decoded.present == model.present)
        #expect(decoded.output == model.output && decoded.scales == model.scales)
        #expect(decoded.encoded() == model.encoded())
        #expect(model.storedRows > 0)
    }

    @Test("member networks join into one whose logits are the mean of theirs, and a model of members is the same bytes every time")
    func membersJoin() throws {
        let trainer = TinyCorpus.trainer(hidden: 32)
        let examples = trainer.examples(TinyCorpus.replies())
        let seen = ModelTrainer.examplesPerBucket(examples, bucketBits: trainer.settings.bucketBits)
        let first = trainer.fitMember(examples, seed: 1, seen: seen), second = trainer.fitMember(examples, seed: 2, seen: seen)
        let joined = ModelTrainer.join([first, second])
        #expect(joined.hiddenBiases.count == 64 && joined.output.count == trainer.labels.count * 64)
        // Each label's logit from a network's hidden layer (before the ReLU, as `forward` gives it).
        func logits(_ parameters: TacticModel.Parameters, _ buckets: [Int32]) -> [Float] {
            let hidden = parameters.hiddenBiases.count, units = ModelTrainer.forward(parameters, buckets, hidden: hidden).preActivation
            return parameters.outputBiases.indices.map { l in
                parameters.outputBiases[l] + (0..<hidden).reduce(0) { $0 + parameters.output[l * hidden + $1] * max(0, units[$1]) }
            }
        }
        var largest: Float = 0
        for example in examples {
            let a = logits(first, example.buckets), b = logits(second, example.buckets), j = logits(joined, example.buckets)
            for l in j.indices {
                #expect(abs(j[l] - (a[l] + b[l]) / 2) <= 1e-4 * max(1, abs(j[l])))
                largest = max(largest, abs(a[l] - b[l]))
            }
        }
        // The members disagree somewhere, so the mean is not one member's logit.
        #expect(largest > 0.1)
        // The two members differ (their own seeds), so the join is not one network twice.
        #expect(first.embedding != second.embedding)
        let model = TinyCorpus.model(members: 2)
        #expect(model.metadata.members == 2 && model.hidden == 64)
        #expect(model.encoded() == TinyCorpus.model(members: 2).encoded())
        let decoded = try TacticModel(decoding: model.encoded())
        #expect(decoded.metadata == model.metadata)
        // The first member is the plain network (its seed is the settings' seed): a two-member fit's first 32 units are
        // exactly the one-member fit's, and the second member's are not.
        let single = TinyCorpus.trainer(hidden: 32).fit(examples), pair = TinyCorpus.trainer(hidden: 32, members: 2).fit(examples)
        #expect(Array(pair.hiddenBiases[0..<32]) == single.hiddenBiases)
        let buckets = single.embedding.count / 32
        #expect(pair.embedding.count == buckets * 64)
        let firstUnits = (0..<buckets).flatMap { b in pair.embedding[(b * 64)..<(b * 64 + 32)] }
        let secondUnits = (0..<buckets).flatMap { b in pair.embedding[(b * 64 + 32)..<(b * 64 + 64)] }
        #expect(firstUnits == single.embedding)
        #expect(secondUnits != single.embedding)
    }

    /// 32, 64, 128 and 256 units: rows of one vector (lanes in registers, widened by interleaving); 96: rows read in 16-byte chunks.
    @Test("the 4-bit rows sum to what their weights say: the packed lanes match a plain sum of each unit",
          arguments: [32, 64, 96, 128, 256])
    func packedSumsMatchPlainSums(hidden: Int) {
        let model = TinyCorpus.model(hidden: hidden)
        #expect(model.hidden == hidden)
        let analysis = Analysis(reply: "我们的单价可以再降 5%，你们现在产线最头疼的是哪个环节？ We'll cut the unit price by 8%.",
                                index: CueIndex(catalog: Shipped.library.catalog))
        let features = FeatureExtractor.features(of: analysis)
        // Many copies, so the byte lanes are widened many times (every 16 features) and the 16-bit lanes more than
        // once (every 4,096).
        let many = Array(repeating: features, count: 9_000 / max(1, features.count) + 2).flatMap { $0 }
        for set in [features, many] {
            let packed = model.activations(set)
            var plain = [Float](repeating: 0, count: model.hidden)
            for h in 0..<model.hidden {
                var sum = 0
                for feature in set { sum += model.weight(row: model.row(ofBucket: model.bucket(feature.hash)), unit: h) }
                plain[h] = max(0, Float(sum) * model.scales[h] + model.hiddenBiases[h])
            }
            #expect(packed == plain)
            #expect(packed.contains { $0 > 0 })
        }
    }

    @Test("the second reading's row sums, changed from the first's, equal its own sums (the detector's shortcut is exact)")
    func changedRowSumsMatchFreshSums() {
        let model = Shipped.model ?? TinyCorpus.model()
        let index = CueIndex(catalog: Shipped.library.catalog)
        let replies = [
            "我们不会降价，但可以把交期缩短到两周，你们产线最头疼的是哪个环节？",
            "We won't cut the price, but we can't promise a discount either; what matters most to your plant manager?",
            "不是降价，而是帮你们每年省下 20 万的停机损失。",
            "No discount. No free shipping. Not this quarter.",
            "我们没有库存问题。",
            "Not",
            "The price stays, no discount, not now and not later.",
        ]
        for reply in replies {
            for prompt in [nil, NormalizedText("Can you do a better price on the discount?"), NormalizedText("你们能不能降价？没有库存吗？")] {
                let analysis = Analysis(reply: reply, index: index)
                let reading = FeatureExtractor.Reading(analysis, prompt: prompt)
                var tokens: [FeatureExtractor.Token] = [], plainTokens: [FeatureExtractor.Token] = []
                var first: [FeatureExtractor.Feature] = [], second: [FeatureExtractor.Feature] = [], change: [FeatureExtractor.Feature] = []
                FeatureExtractor.features(reading, analysis, ignoringNegation: false, tokens: &tokens, into: &first)
                let added = FeatureExtractor.negationFreeChange(reading, analysis, firstTokens: tokens, firstFeatures: first, tokens: &plainTokens, into: &change)
                FeatureExtractor.features(reading, analysis, ignoringNegation: true, tokens: &tokens, into: &second)
                var changed = [Int32](repeating: 0, count: model.hidden), fresh = changed
                changed.withUnsafeMutableBufferPointer { sums in
                    model.rowSums(first, into: sums)
                    model.changeRowSums(sums, removing: change[..<added], adding: change[added...])
                }
                fresh.withUnsafeMutableBufferPointer { model.rowSums(second, into: $0) }
                #expect(changed == fresh, "\(reply)")
                // As multisets of hashes too: the first reading less the removed plus the added is the second reading.
                var counts: [UInt64: Int] = [:]
                for feature in first { counts[feature.hash, default: 0] += 1 }
                for feature in change[..<added] { counts[feature.hash, default: 0] -= 1 }
                for feature in change[added...] { counts[feature.hash, default: 0] += 1 }
                for feature in second { counts[feature.hash, default: 0] -= 1 }
                #expect(counts.values.allSatisfy { $0 == 0 }, "\(reply)")
                // Taking every row away again leaves nothing.
                changed.withUnsafeMutableBufferPointer { sums in
                    model.changeRowSums(sums, removing: second[...], adding: [])
                }
                #expect(changed.allSatisfy { $0 == 0 }, "\(reply)")
            }
        }
    }

    @Test("the logits read from a logit table are bit for bit those read one at a time (label counts around a block)")
    func pairedLogitsMatchSingleLogits() {
        let model = Shipped.model ?? TinyCorpus.model()
        let analysis = Analysis(reply: "我们的单价可以再降 5%，你们现在产线最头疼的是哪个环节？ We'll cut the unit price by 8%.",
                                index: CueIndex(catalog: Shipped.library.catalog))
        let activations = model.activations(FeatureExtractor.features(of: analysis))
        let all = Array(model.metadata.labels.indices)
        let many = (0..<30).map { all[($0 * 7) % all.count] }
        for labels in [all, Array(all.dropLast()), [all[all.count - 1], all[0], all[1]], many, Array(many.prefix(24)), Array(many.prefix(25))] {
            var paired = [Float](repeating: .nan, count: labels.count)
            let table = model.logitTable(of: labels)
            activations.withUnsafeBufferPointer { a in
                paired.withUnsafeMutableBufferPointer { model.logits(table, activations: a, into: $0) }
                let single = labels.map { model.logit(of: $0, activations: a) }
                #expect(paired.map(\.bitPattern) == single.map(\.bitPattern))
            }
        }
    }

    @Test("labels said with a negation are chosen from the corpus, written into the file, and a file naming an unknown one is refused")
    func saidWithNegation() throws {
        // Walk-away is said by declining in each of its four replies here; no other reply negates anything (4 of 16).
        let extra: [(String, String, [String])] = [
            ("We won't go below $40 a unit; that's our floor.", "intrinsic", ["walk-away"]),
            ("这个价我们不降了，做不了就下次合作。", "intrinsic", ["walk-away"]),
            ("Sorry, we can't go lower than that, we'd rather pass.", "intrinsic", ["walk-away"]),
            ("No, we're not matching that quote.", "intrinsic", ["walk-away"]),
            ("We can take 3% off the unit price from May.", "intrinsic", ["price-angle"]),
            ("That's €12,000 a year saved on freight.", "intrinsic", ["price-angle"]),
        ]
        let replies = TinyCorpus.replies() + extra.enumerated().map { i, line in
            LabelledReply(id: "n\(i)", language: line.0.containsCJK ? "zh-Hans" : "en", reply: line.0,
                          orientation: ValueType(rawValue: line.1), tactics: line.2, antiPatterns: [],
                          location: SourceLocation(file: "tiny.jsonl", line: 20 + i, column: 1))
        }
        var trainer = TinyCorpus.trainer()
        trainer.settings.negationMinimumPositives = 4
        let examples = trainer.examples(replies)
        #expect(examples.map(\.negates) == replies.map { $0.tactics == ["walk-away"] })
        #expect(trainer.saidWithNegation(examples) == ["walk-away"])
        // Too few positives, or the rule off: none.
        trainer.settings.negationMinimumPositives = 5
        #expect(trainer.saidWithNegation(examples).isEmpty)
        trainer.settings.negationMinimumPositives = 4
        trainer.settings.negationShareFactor = 0
        #expect(trainer.saidWithNegation(examples).isEmpty)
        trainer.settings.negationShareFactor = 1.5
        let model = trainer.train(replies, trainedOn: "0123456789abcdef")
        #expect(model.metadata.saidWithNegation == ["walk-away"])
        let decoded = try TacticModel(decoding: model.encoded())
        #expect(decoded.metadata.saidWithNegation == ["walk-away"])
        var foreign = model.metadata
        foreign.saidWithNegation = ["walk-away", "no-such-label"]
        let bad = TacticModel(metadata: foreign, scales: model.scales, hiddenBiases: model.hiddenBiases, output: model.output,
                              outputBiases: model.outputBiases, present: model.present, rows: model.rows)
        #expect(throws: TacticModel.FileError.damaged("said_with_negation names a label the model does not have")) {
            try TacticModel(decoding: bad.encoded())
        }
    }

    @Test("damaged, truncated, foreign, old and future model files give a clear error, never a crash")
    func damagedFiles() {
        let bytes = TinyCorpus.model().encoded()
        var old = bytes
        old[8] = 1  // format version 1: the linear model of earlier builds
        #expect(throws: TacticModel.FileError.unsupportedVersion(1)) { try TacticModel(decoding: old) }
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x40
        #expect(throws: TacticModel.FileError.damaged("checksum mismatch")) { try TacticModel(decoding: flipped) }
        #expect(throws: TacticModel.FileError.notAModel) { try TacticModel(decoding: Array("hello, not a model at all".utf8)) }
        #expect(throws: TacticModel.FileError.self) { try TacticModel(decoding: Array(bytes.prefix(bytes.count / 3))) }
        var future = bytes
        future[8] = 9  // format version 9
        #expect(throws: TacticModel.FileError.unsupportedVersion(9)) { try TacticModel(decoding: future) }
        // Every prefix of a valid file is refused cleanly.
        for length in Swift.stride(from: 0, to: min(bytes.count, 400), by: 7) {
            #expect(throws: TacticModel.FileError.self) { try TacticModel(decoding: Array(bytes.prefix(length))) }
        }
    }

    @Test("the trained detector credits what it learnt, and its evidence quotes the rep's own words")
    func learnsAndQuotes() {
        let evaluator = Evaluator(catalog: Shipped.library.catalog, model: TinyCorpus.model())
        let reply = "What does a bad week look like for your maintenance crew?"
        let assessment = evaluator.assess(reply)
        let finding = assessment.usedTactics.first { $0.id == "needs-diagnosis" }
        #expect(finding != nil)
        for quote in finding?.evidence ?? [] { #expect(reply.contains(quote)) }
        #expect(!(finding?.evidence.isEmpty ?? true))
    }

    @Test("the shipped model exists, is under 5 MB, and was trained on the shipped corpus and playbooks with the current settings")
    func shippedModelIsFresh() throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: Shipped.modelPath)
        let size = try #require(attributes[.size] as? Int)
        #expect(size <= 5 * 1024 * 1024)
        let model = try #require(Shipped.model, "the shipped model does not load; run `dojo train`")
        let inputs = TrainingInputs(scenarioDirectory: Shipped.root + "/Scenarios")
        #expect(inputs.corpusFiles.count >= 3)
        #expect(model.metadata.trainedOn == inputs.fingerprint(), "Scenarios/models/tactics.dojomodel is stale: run `dojo train`")
        #expect(inputs.modelDiagnostics(modelPath: Shipped.modelPath).isEmpty)
        // Written with the trainer's current settings: `dojo train` on these inputs gives this file.
        let settings = ModelTrainer.Settings()
        #expect(model.metadata.credit == settings.credit && model.metadata.veto == settings.veto
                && model.metadata.modelOnlyMargin == settings.modelOnlyMargin)
        #expect(model.metadata.hidden == settings.hidden * settings.members && model.metadata.members == settings.members
                && model.metadata.bucketBits == settings.bucketBits
                && model.metadata.epochs == settings.epochs && model.metadata.seed == settings.seed)
        let ngram = try #require(model.ngram, "the shipped model has no n-gram table")
        let ngramSettings = try #require(settings.ngram)
        #expect(ngram.charBits == ngramSettings.charBits && ngram.wordBits == ngramSettings.wordBits
                && ngram.networkWeight == ngramSettings.networkWeight)
        #expect(ngram.labels == Shipped.library.catalog.allTactics.filter { !$0.isAntiPattern }.map(\.id))
    }

    @Test("a model trained on other inputs is reported stale by validation")
    func staleModel() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-stale-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder + "/corpus", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("{\"reply\":\"hi\",\"orientation\":\"none\",\"tactics\":[]}\n".utf8).write(to: URL(fileURLWithPath: folder + "/corpus/a.jsonl"))
        let path = folder + "/model.dojomodel"
        try Data(TinyCorpus.model().encoded()).write(to: URL(fileURLWithPath: path))
        let diagnostics = TrainingInputs(scenarioDirectory: folder).modelDiagnostics(modelPath: path)
        #expect(diagnostics.map(\.code) == [.staleModel])
        try Data("junk".utf8).write(to: URL(fileURLWithPath: path))
        #expect(TrainingInputs(scenarioDirectory: folder).modelDiagnostics(modelPath: path).map(\.code) == [.unreadableModel])
    }
}

@Suite("Labelled sets: reader and report")
struct LabelledSetTests {
    let reader = LabelledSetReader(catalog: Shipped.library.catalog)

    @Test("comments, blank lines, a BOM and CRLF are accepted; bad lines are reported with file:line")
    func readerHandlesBadLines() {
        let text = "\u{FEFF}# a comment\r\n{\"id\":\"a\",\"lang\":\"en\",\"reply\":\"We cut 8%.\",\"orientation\":\"intrinsic\",\"tactics\":[\"price-angle\"]}\r\n\n"
            + "{\"id\":\"b\",\"reply\":\"x\",\"tactics\":[\"price-angel\"]}\n"
            + "{\"id\":\"a\",\"reply\":\"again\"}\n"
            + "not json\n"
            + "{\"id\":\"c\",\"reply\":\"y\",\"orientation\":\"sideways\"}\n"
        let (replies, problems) = reader.read(bytes: Array(text.utf8), file: "set.jsonl")
        #expect(replies.map(\.id) == ["a"])
        #expect(replies.first?.tactics == ["price-angle"])
        #expect(problems.map { $0.location?.line ?? 0 } == [4, 5, 6, 7])
        #expect(problems.allSatisfy { $0.code == .invalidLabel })
        #expect(problems[0].message.contains("price-angel"))
    }

    @Test("the report's counts match a hand-computed example")
    func handComputed() {
        func item(_ id: String, _ orientation: ValueType?, _ tactics: [String]) -> LabelledReply {
            LabelledReply(id: id, language: "en", reply: id, orientation: orientation, tactics: tactics, antiPatterns: [],
                          location: SourceLocation(file: "f", line: 1, column: 1))
        }
        func found(_ orientation: ValueType?, _ tactics: [String]) -> Assessment {
            Assessment(reply: "", tactics: tactics.map {
                Assessment.TacticFinding(id: $0, valueType: .intrinsic, confidence: 0.9, evidence: [], cues: [], similarity: 0, negated: [], questioned: [])
            }, antiPatterns: [], orientation: orientation,
            signals: Assessment.Signals(asksQuestion: false, quantifiesValue: false, hasNumber: false, length: 1, jointFraming: false,
                                        executiveFraming: false, figures: []),
            cueStuffing: false, score: nil, alignment: .none, explanation: [])
        }
        let report = EvaluationReport([
            (item("1", .intrinsic, ["price-angle", "volume-offer"]), found(.intrinsic, ["price-angle"])),
            (item("2", nil, []), found(.intrinsic, ["walk-away"])),
            (item("3", .intrinsic, ["walk-away"]), found(.intrinsic, ["walk-away"])),
        ])
        #expect(report.accuracy == 2.0 / 3.0)
        #expect(report.micro.truePositives == 2 && report.micro.falsePositives == 1 && report.micro.falseNegatives == 1)
        #expect(report.tactics["walk-away"] == EvaluationReport.LabelCounts(truePositives: 1, falsePositives: 1, falseNegatives: 0))
        #expect(report.confusion[3][0] == 1 && report.confusion[0][0] == 2)
        #expect(report.misses.map(\.item.id) == ["1", "2"])
    }
}
