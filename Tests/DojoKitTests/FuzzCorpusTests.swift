import Foundation
import Testing
@testable import DojoKit

/// Replays the committed fuzz corpus (`Fuzz/corpus/<target>/`, grown by `make fuzz`) through the
/// same entry points and properties as the libFuzzer targets in `Fuzz/Sources/`, so every input
/// that once found new behaviour keeps being checked by a plain `swift test`.
@Suite("fuzz corpus replay")
struct FuzzCorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let library = ScenarioLibrary.load(directory: root + "/Scenarios")
    static let evaluator = Evaluator(
        catalog: library.catalog,
        model: try? TacticModel.load(path: TrainingInputs.modelPath(scenarioDirectory: root + "/Scenarios")))

    static func inputs(_ target: String) -> [(name: String, bytes: [UInt8])] {
        let folder = root + "/Fuzz/corpus/" + target
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.compactMap { name in
            FileManager.default.contents(atPath: folder + "/" + name).map { (name, [UInt8]($0)) }
        }
    }

    @Test("the corpus is there for every target")
    func present() {
        for target in ["FuzzScenarioLoader", "FuzzConditionParser", "FuzzJSONLine", "FuzzTranscript", "FuzzEvaluator"] {
            #expect(!Self.inputs(target).isEmpty, "Fuzz/corpus/\(target) is empty; run `make fuzz`")
        }
    }

    @Test("scenario loader: a scenario or an error, and an accepted scenario plays")
    func scenarioLoader() {
        for (name, bytes) in Self.inputs("FuzzScenarioLoader") {
            let (scenario, diagnostics) = ScenarioLibrary.readScenario(yaml: Data(bytes), path: "fuzz.yaml", catalog: Self.library.catalog)
            #expect(scenario != nil || diagnostics.contains { $0.severity == .error }, "\(name)")
            if let scenario {
                var session = Session(scenario: scenario, evaluator: Self.evaluator, seed: 1)
                for reply in ["每年为您节约20万元。", "我们的团队全程跟进。", "好的"] where session.phase != .ended {
                    _ = try? session.respond(reply)
                }
                _ = session.scorecard()
            }
        }
    }

    private struct Context: ConditionContext {
        var score: Double
        var turn: Int
        var mismatch: Bool
        func meter(_ name: String) -> Int { name.count - 5 }
        func used(_ tacticID: String) -> Bool { tacticID.count % 2 == 0 }
    }

    @Test("condition parser: what parses writes back to the same condition")
    func conditionParser() {
        let parser = ConditionParser(meters: ["trust", "patience"], tactics: Self.library.catalog.ids)
        for (name, bytes) in Self.inputs("FuzzConditionParser") {
            guard let condition = try? parser.parse(String(decoding: bytes, as: UTF8.self)) else { continue }
            #expect((try? parser.parse(condition.description)) == condition, "\(name): \(condition.description)")
            _ = condition.evaluate(in: Context(score: Double(bytes.count % 101), turn: bytes.count % 7, mismatch: bytes.count % 2 == 0))
        }
    }

    @Test("JSON line reader: errors point inside the line; objects write back as JSON that parses")
    func jsonLine() {
        for (name, bytes) in Self.inputs("FuzzJSONLine") {
            do {
                let value = try JSONValue.parse(bytes)
                guard case let .object(members) = value else { continue }
                var writer = JSONWriter()
                writer.beginObject()
                for (key, member) in members {
                    writer.key(key)
                    switch member {
                    case let .string(text): writer.string(text)
                    case let .number(number): writer.number(number)
                    case let .bool(flag): writer.bool(flag)
                    default: writer.null()
                    }
                }
                writer.endObject()
                #expect((try? JSONValue.parse(writer.bytes)) != nil, "\(name)")
            } catch {
                #expect((0...bytes.count).contains(error.offset), "\(name)")
            }
        }
    }

    @Test("transcript reader: reads or reports a damaged line")
    func transcript() {
        for (_, bytes) in Self.inputs("FuzzTranscript") {
            if let transcript = try? Transcript.parse(bytes) {
                _ = transcript.start
                _ = transcript.replies.count
            }
            let reader = TranscriptReader(bytes: bytes)
            var records = 0
            while records <= bytes.count, let record = try? reader.next() {
                _ = record
                records += 1
            }
        }
    }

    @Test("evaluator: scores within 0–100, the same twice")
    func evaluator() {
        for (name, bytes) in Self.inputs("FuzzEvaluator") {
            let reply = String(decoding: bytes, as: UTF8.self)
            for buyer in [ValueType?.none] + ValueType.allCases.map(Optional.some) {
                let assessment = Self.evaluator.assess(reply, buyer: buyer)
                if let score = assessment.score { #expect((0...100).contains(score), "\(name)") }
                _ = ExplanationRenderer(catalog: Self.evaluator.catalog, chinese: true).render(assessment.explanation)
                #expect(Self.evaluator.assess(reply, buyer: buyer).score == assessment.score, "\(name)")
            }
        }
    }
}
