import Foundation
import Testing
@testable import DojoKit

/// Labelled sets under Tests/DojoKitTests/Fixtures, read with the same reader `dojo eval` uses.
enum LabelledFixtures {
    static func load(_ name: String) throws -> [LabelledReply] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "jsonl", subdirectory: "Fixtures"))
        let (replies, problems) = LabelledSetReader(catalog: Shipped.library.catalog).read(path: url.path)
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        return replies
    }

    /// Prints the figures and every miss, as `dojo eval` does.
    static func report(_ name: String, _ report: EvaluationReport) {
        let micro = report.micro, anti = report.antiPatternMicro
        print(String(format: "%@ (%d replies): orientation accuracy %.3f; tactics precision %.3f recall %.3f micro-F1 %.3f; anti-patterns precision %.3f recall %.3f",
                     name, report.count, report.accuracy, micro.precision, micro.recall, micro.f1, anti.precision, anti.recall))
        for entry in report.languageAccuracy { print(String(format: "  %@: orientation %.3f (%d)", entry.language, entry.accuracy, entry.count)) }
        for miss in report.misses {
            print("  miss: \(miss.item.id) expected \(miss.item.orientation?.rawValue ?? "none") \(miss.item.tactics) found \(miss.foundOrientation?.rawValue ?? "none") \(miss.foundTactics): \(miss.item.reply)")
        }
    }
}

@Suite("Development set: orientation accuracy and tactic precision/recall")
struct DevelopmentSetTests {
    @Test("orientation accuracy ≥ 0.90 and tactic micro-F1 ≥ 0.85 on the labelled replies")
    func metrics() throws {
        let set = try LabelledFixtures.load("replies")
        #expect(set.count >= 150)
        let report = EvaluationReport(set, evaluator: Shipped.evaluator)
        LabelledFixtures.report("dev set", report)
        #expect(report.accuracy >= 0.90)
        #expect(report.micro.f1 >= 0.85)
    }
}

/// The first held-out set (120 replies, session 1), written from DESIGN.md and the seed only by an author
/// who never saw the playbook cues or the development set.
@Suite("Held-out set v1")
struct HeldOutSetTests {
    @Test("the evaluator on replies it was never tuned on (figures printed; a regression floor asserted)")
    func metrics() throws {
        let set = try LabelledFixtures.load("heldout")
        #expect(set.count >= 100)
        let report = EvaluationReport(set, evaluator: Shipped.evaluator)
        LabelledFixtures.report("held-out set v1", report)
        #expect(report.accuracy >= Self.accuracyFloor)
        #expect(report.micro.f1 >= Self.f1Floor)
    }

    // Measured with the shipped model: orientation 0.892, micro-F1 0.763 (cues alone: 0.825 / 0.756).
    static let accuracyFloor = 0.87
    static let f1Floor = 0.74
}

/// The blind held-out set v2 (issue 9): 360 replies by two authors who saw only docs/labelling.md,
/// DESIGN.md and the seed; never trained or tuned on. The floors sit just below the measured figures,
/// so a change that makes the evaluator generalise worse fails.
@Suite("Blind held-out set v2")
struct BlindHeldOutSetTests {
    @Test("figures of the product's evaluator (cues + trained model), per language, against floors")
    func metrics() throws {
        let set = try LabelledFixtures.load("heldout-blind")
        #expect(set.count >= 300)
        let report = EvaluationReport(set, evaluator: Shipped.evaluator)
        LabelledFixtures.report("blind held-out v2", report)
        let before = EvaluationReport(set, evaluator: Shipped.cueEvaluator)
        print(String(format: "blind held-out v2 with cues alone: orientation %.3f, micro-F1 %.3f", before.accuracy, before.micro.f1))
        #expect(report.accuracy >= Self.accuracyFloor)
        #expect(report.micro.f1 >= Self.f1Floor)
        for entry in report.languageAccuracy { #expect(entry.accuracy >= Self.languageFloor, "\(entry.language)") }
    }

    // Measured 2026-11-30 with the shipped model: orientation 0.836, micro-F1 0.674 (precision 0.769, recall 0.600);
    // en 0.817, zh-Hans 0.858, zh-Hant 0.833. With cues alone: 0.706 / 0.495.
    static let accuracyFloor = 0.82
    static let f1Floor = 0.66
    static let languageFloor = 0.80
}
