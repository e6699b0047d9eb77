import Foundation
import Testing
@testable import DojoKit

@Suite("docs/authoring.md: the reference names every field, condition form and diagnostic code")
struct AuthoringGuideTests {
    static let guide = (try? String(contentsOfFile: Shipped.root + "/docs/authoring.md", encoding: .utf8)) ?? ""

    @Test("every key the scenario reader accepts appears in the field reference")
    func fields() {
        let keys = ScenarioReader.topKeys + ScenarioReader.turnKeys + ScenarioReader.branchKeys + ScenarioReader.endingKeys
            + ScenarioReader.personaKeys + ScenarioReader.meterKeys
        for key in Set(keys).sorted() { #expect(Self.guide.contains("`\(key)`"), "\(key)") }
    }

    @Test("every lint and validate warning code is in the diagnostics table with its name")
    func codes() {
        for code in DiagnosticCode.allCases where code.rawValue.hasPrefix("DJ01") {
            #expect(Self.guide.contains("| \(code.rawValue) | `\(code.name)` |"), "\(code.rawValue)")
        }
    }

    @Test("every condition form is in the conditions reference")
    func conditions() {
        for form in ["`score`", "`turn`", "`used(tactic-id)`", "`mismatch`", "`and`", "`or`", "`not`"] {
            #expect(Self.guide.contains(form), "\(form)")
        }
    }
}
