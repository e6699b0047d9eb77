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

    // Session-7 final model: orientation 0.925, micro-F1 0.836 (first adjudication round: 0.917 / 0.826).
    // Session 6: 0.925 / 0.812; session 5: 0.892 / 0.798; session 4: 0.892 / 0.797; session 3: 0.892 / 0.763;
    // cues alone: 0.825 / 0.756.
    static let accuracyFloor = 0.90
    static let f1Floor = 0.81
}

/// The blind held-out sets (issue 9), each 360 replies by authors who saw only docs/labelling.md, DESIGN.md
/// and the seed; never trained on. v2 (authors HA, HB) was written in session 3; v3 (author HC) and v4 (author HD)
/// in session 4: v3 was read once mid-session, v4 only once the session-4 model was final; v5 (authors HE, HF,
/// 720 replies) in session 5, v6 (authors HG, HH) and v7 (authors HI, HJ; 720 replies each) in session 6, v8 (authors HK,
/// HL, written in session 6 and kept unread), v9 (authors HM, HN) and v10 (authors HO, HP; 720 replies each) in session 7,
/// each read once its session's model was final (v8 and v9 with the model of the first adjudication round, v10 with
/// the final one). The floors sit just below the measured figures, so a change that makes the evaluator generalise
/// worse fails.
struct BlindSet: Sendable, CustomTestStringConvertible {
    var fixture: String
    var name: String
    var accuracyFloor: Double
    var f1Floor: Double
    var languageFloor: Double
    var testDescription: String { name }

    static let all = [
        // Session-7 final model (after the second adjudication round): orientation 0.953, micro-F1 0.837 (P 0.903, R 0.780);
        // en 0.958, zh-Hans 0.950, zh-Hant 0.950.
        // Session-7 model after the first adjudication round: orientation 0.939, micro-F1 0.837 (P 0.893, R 0.788); en 0.942, zh-Hans 0.925, zh-Hant 0.950.
        // Session 6: 0.906 / 0.808; session 5: 0.906 / 0.758; session 4: 0.872 / 0.713; session 3: 0.836 / 0.674.
        // Cues alone: 0.706 / 0.495.
        BlindSet(fixture: "heldout-blind", name: "blind held-out v2", accuracyFloor: 0.94, f1Floor: 0.82, languageFloor: 0.93),
        // Session-7 final model (after the second adjudication round): orientation 0.931, micro-F1 0.847 (P 0.879, R 0.817);
        // en 0.933, zh-Hans 0.925, zh-Hant 0.933.
        // Session-7 model after the first adjudication round: orientation 0.933, micro-F1 0.865 (P 0.893, R 0.839); en 0.933, zh-Hans 0.933, zh-Hant 0.933.
        // Session 6: 0.919 / 0.851; session 5: 0.897 / 0.816; session 4: 0.886 / 0.783. Cues alone: 0.661 / 0.476.
        BlindSet(fixture: "heldout-blind-v3", name: "blind held-out v3", accuracyFloor: 0.91, f1Floor: 0.83, languageFloor: 0.91),
        // Session-7 final model (after the second adjudication round): orientation 0.900, micro-F1 0.844 (P 0.853, R 0.835);
        // en 0.883, zh-Hans 0.917, zh-Hant 0.900.
        // Session-7 model after the first adjudication round: orientation 0.906, micro-F1 0.858 (P 0.872, R 0.843); en 0.892, zh-Hans 0.917, zh-Hant 0.908.
        // Session 6: 0.894 / 0.816; session 5: 0.869 / 0.807; session 4 (read once the session-4 model was final): 0.811 / 0.740. Cues alone: 0.617 / 0.427.
        BlindSet(fixture: "heldout-blind-v4", name: "blind held-out v4", accuracyFloor: 0.88, f1Floor: 0.83, languageFloor: 0.87),
        // Session-7 final model (after the second adjudication round): orientation 0.935, micro-F1 0.857 (P 0.860, R 0.853);
        // en 0.942, zh-Hans 0.929, zh-Hant 0.933.
        // Session-7 model after the first adjudication round: orientation 0.932, micro-F1 0.856 (P 0.868, R 0.844); en 0.938, zh-Hans 0.929, zh-Hant 0.929.
        // Session 6: 0.908 / 0.822; session 5 (read once the session-5 model was final): 0.914 / 0.817. Cues alone: 0.646 / 0.480.
        BlindSet(fixture: "heldout-blind-v5", name: "blind held-out v5", accuracyFloor: 0.92, f1Floor: 0.84, languageFloor: 0.91),
        // Session-7 final model (after the second adjudication round): orientation 0.919, micro-F1 0.845 (P 0.873, R 0.818);
        // en 0.904, zh-Hans 0.917, zh-Hant 0.938.
        // Session-7 model after the first adjudication round: orientation 0.932, micro-F1 0.846 (P 0.877, R 0.818); en 0.913, zh-Hans 0.938, zh-Hant 0.946.
        // Session 6 (first read once the model was final): 0.911 / 0.817; HG 0.906 / 0.794, HH 0.917 / 0.844. Cues
        // alone: 0.633 / 0.436.
        BlindSet(fixture: "heldout-blind-v6", name: "blind held-out v6", accuracyFloor: 0.90, f1Floor: 0.83, languageFloor: 0.89),
        // Session-7 final model (after the second adjudication round): orientation 0.932, micro-F1 0.862 (P 0.870, R 0.853);
        // en 0.921, zh-Hans 0.933, zh-Hant 0.942.
        // Session-7 model after the first adjudication round: orientation 0.943, micro-F1 0.867 (P 0.873, R 0.861); en 0.938, zh-Hans 0.938, zh-Hant 0.954
        // (the end-of-day and routine-quote cues fixed in session 7 were seen misfiring on this set). Session 6 (first
        // read once the model was final, after v6): 0.924 / 0.838; HI 0.925 / 0.840, HJ 0.922 / 0.837. Cues alone: 0.624 / 0.437.
        BlindSet(fixture: "heldout-blind-v7", name: "blind held-out v7", accuracyFloor: 0.92, f1Floor: 0.85, languageFloor: 0.90),
        // Session-7 final model (after the second adjudication round): orientation 0.931, micro-F1 0.867 (P 0.879, R 0.856);
        // en 0.929, zh-Hans 0.921, zh-Hant 0.942.
        // Session-7 model after the first adjudication round, first read once the model was final: orientation 0.931, micro-F1 0.862 (P 0.865, R 0.858);
        // en 0.925, zh-Hans 0.925, zh-Hant 0.942; HK 0.936 / 0.864, HL 0.925 / 0.859. Cues alone: 0.632 / 0.435. See the
        // fixture's header for how its authors departed from their brief.
        BlindSet(fixture: "heldout-blind-v8", name: "blind held-out v8", accuracyFloor: 0.91, f1Floor: 0.85, languageFloor: 0.90),
        // Session-7 final model (after the second adjudication round): orientation 0.915, micro-F1 0.798 (P 0.842, R 0.758);
        // en 0.925, zh-Hans 0.917, zh-Hant 0.904.
        // Session-7 model after the first adjudication round, first read once the model was final (after v8): orientation 0.906, micro-F1 0.793; then,
        // after a cue with a figure became decisive again (a refusal must not drag a concrete figure down; the same out-of-fold figures), 0.904 /
        // 0.792 (P 0.841, R 0.749); en 0.896, zh-Hans 0.904, zh-Hant 0.913; HM 0.889 / 0.782, HN 0.919 / 0.800.
        // Cues alone: 0.664 / 0.405.
        BlindSet(fixture: "heldout-blind-v9", name: "blind held-out v9", accuracyFloor: 0.90, f1Floor: 0.78, languageFloor: 0.89),
        // Session-7 final model, first read once the model was final (chosen before the set was read): orientation 0.883,
        // micro-F1 0.791 (P 0.804, R 0.778); en 0.842, zh-Hans 0.900, zh-Hant 0.908; HO 0.889 / 0.780, HP 0.878 / 0.802. Cues alone: 0.608 / 0.364.
        BlindSet(fixture: "heldout-blind-v10", name: "blind held-out v10", accuracyFloor: 0.87, f1Floor: 0.77, languageFloor: 0.83),
    ]
}

@Suite("Blind held-out sets")
struct BlindHeldOutSetTests {
    @Test("figures of the product's evaluator (cues + trained model), per language, against floors", arguments: BlindSet.all)
    func metrics(_ blind: BlindSet) throws {
        let set = try LabelledFixtures.load(blind.fixture)
        #expect(set.count >= 300)
        let report = EvaluationReport(set, evaluator: Shipped.evaluator)
        LabelledFixtures.report(blind.name, report)
        let before = EvaluationReport(set, evaluator: Shipped.cueEvaluator)
        print(String(format: "%@ with cues alone: orientation %.3f, micro-F1 %.3f", blind.name, before.accuracy, before.micro.f1))
        #expect(report.accuracy >= blind.accuracyFloor)
        #expect(report.micro.f1 >= blind.f1Floor)
        for entry in report.languageAccuracy { #expect(entry.accuracy >= blind.languageFloor, "\(entry.language)") }
    }
}
