import Foundation
import Testing
@testable import DojoKit

/// One labelled reply of the development set.
struct LabelledReply {
    var id: String
    var reply: String
    var orientation: String
    var tactics: Set<String>
    var antiPatterns: Set<String>

    static func loadAll(_ name: String = "replies") throws -> [LabelledReply] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "jsonl", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let value = try JSONValue.parse(Array(line.utf8))
            func strings(_ key: String) -> Set<String> {
                guard case let .array(items)? = value[key] else { return [] }
                return Set(items.compactMap(\.stringValue))
            }
            return LabelledReply(id: value["id"]?.stringValue ?? "?", reply: value["reply"]?.stringValue ?? "",
                                 orientation: value["orientation"]?.stringValue ?? "none",
                                 tactics: strings("tactics"), antiPatterns: strings("anti_patterns"))
        }
    }
}

/// Orientation accuracy and tactic precision/recall of the evaluator on a labelled set.
struct SetMetrics {
    var count = 0, correct = 0, tp = 0, fp = 0, fn = 0, antiTP = 0, antiFP = 0, antiFN = 0
    var misses: [String] = []

    init(_ set: [LabelledReply]) {
        count = set.count
        for item in set {
            let assessment = Shipped.evaluator.assess(item.reply)
            let orientation = assessment.orientation?.rawValue ?? "none"
            if orientation == item.orientation { correct += 1 } else {
                misses.append("\(item.id) orientation \(orientation) ≠ \(item.orientation): \(item.reply)")
            }
            let found = Set(assessment.usedTactics.map(\.id))
            tp += found.intersection(item.tactics).count
            fp += found.subtracting(item.tactics).count
            fn += item.tactics.subtracting(found).count
            if found != item.tactics {
                misses.append("\(item.id) tactics \(found.sorted()) ≠ \(item.tactics.sorted()): \(item.reply)")
            }
            let anti = Set(assessment.antiPatterns.map(\.id))
            antiTP += anti.intersection(item.antiPatterns).count
            antiFP += anti.subtracting(item.antiPatterns).count
            antiFN += item.antiPatterns.subtracting(anti).count
        }
    }

    var accuracy: Double { Double(correct) / Double(max(1, count)) }
    var precision: Double { Double(tp) / Double(max(1, tp + fp)) }
    var recall: Double { Double(tp) / Double(max(1, tp + fn)) }
    var f1: Double { 2 * precision * recall / max(1e-9, precision + recall) }

    func report(_ name: String) {
        let antiPrecision = Double(antiTP) / Double(max(1, antiTP + antiFP))
        let antiRecall = Double(antiTP) / Double(max(1, antiTP + antiFN))
        print(String(format: "%@ (%d replies): orientation accuracy %.3f; tactics precision %.3f recall %.3f micro-F1 %.3f; anti-patterns precision %.3f recall %.3f",
                     name, count, accuracy, precision, recall, f1, antiPrecision, antiRecall))
        for miss in misses { print("  miss: \(miss)") }
    }
}

@Suite("Development set: orientation accuracy and tactic precision/recall")
struct DevelopmentSetTests {
    @Test("orientation accuracy ≥ 0.90 and tactic micro-F1 ≥ 0.85 on the labelled replies")
    func metrics() throws {
        let set = try LabelledReply.loadAll()
        #expect(set.count >= 150)
        let metrics = SetMetrics(set)
        metrics.report("dev set")
        #expect(metrics.accuracy >= 0.90)
        #expect(metrics.f1 >= 0.85)
    }
}

/// A held-out set written from DESIGN.md and the seed only, by an author who never saw the playbook
/// cues or the development set: the honest measure of how well the evaluator generalises.
@Suite("Held-out set")
struct HeldOutSetTests {
    @Test("the evaluator on replies it was never tuned on (figures printed; a regression floor asserted)")
    func metrics() throws {
        let set = try LabelledReply.loadAll("heldout")
        #expect(set.count >= 100)
        let metrics = SetMetrics(set)
        metrics.report("held-out set")
        // A floor below today's figures, so a change that makes the evaluator generalise worse fails.
        #expect(metrics.accuracy >= HeldOutSetTests.accuracyFloor)
        #expect(metrics.f1 >= HeldOutSetTests.f1Floor)
    }

    static let accuracyFloor = 0.78
    static let f1Floor = 0.72
}
