import Foundation
import Testing
@testable import DojoKit

/// The catalogue is the single source of codes, severities and messages: check it is consistent.
@Suite("Diagnostic catalogue")
struct DiagnosticCatalogueTests {
    @Test("codes and names are unique, well formed and in code order within each area")
    func uniqueCodes() {
        let codes = DiagnosticCatalogue.descriptors.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count)
        let names = DiagnosticCatalogue.descriptors.map(\.name)
        #expect(Set(names).count == names.count)
        for descriptor in DiagnosticCatalogue.descriptors {
            #expect(descriptor.code.rawValue.wholeMatch(of: /DJ\d{4}/) != nil)
            #expect(descriptor.name.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(descriptor.name)")
            #expect(!descriptor.summary.isEmpty && !descriptor.explanation.isEmpty && !descriptor.fix.isEmpty,
                    "\(descriptor.code.rawValue) lacks text")
            #expect(!descriptor.messages.isEmpty, "\(descriptor.code.rawValue) has no message")
            #expect(DiagnosticCode(rawValue: descriptor.code.rawValue) == descriptor.code)
        }
        for area in DiagnosticCatalogue.areas {
            #expect(area.descriptors.map(\.code) == area.descriptors.map(\.code).sorted(), "\(area.title)")
        }
        #expect(DiagnosticCode(rawValue: "DJ9999") == nil)
    }

    @Test("severity comes from the descriptor, not the code's number")
    func severities() {
        #expect(DiagnosticCode.staleModel.defaultSeverity == .warning)
        #expect(DiagnosticCode.unreadableModel.defaultSeverity == .error)
        #expect(DiagnosticCode.unreachableTurn.defaultSeverity == .warning)
        #expect(Diagnostic(.staleModel, ["trained": "a", "current": "b"], at: nil).severity == .warning)
    }

    @Test("messages fill their placeholders once; an argument's braces are never expanded")
    func templates() {
        let unknown = Diagnostic(.unknownKey, ["key": "expects", "context": "turn `close`"], at: nil)
        #expect(unknown.message == "unknown key `expects` in turn `close`")
        let braces = Diagnostic(.unknownKey, ["key": "{context}", "context": "x"], at: nil)
        #expect(braces.message == "unknown key `{context}` in x")
        let placeholder = Diagnostic(.invalidValue, ["name": "cash", "what": "the reaction"], variant: "placeholder", at: nil)
        #expect(placeholder.message == "unknown placeholder `{cash}` in the reaction")
        #expect(DiagnosticDescriptor.placeholders(in: "`meters` must map meter names to `{start, min, max}`").isEmpty)
        #expect(DiagnosticDescriptor.placeholders(in: "{a} and {b-c}") == ["a", "b-c"])
    }

    @Test("codes once reused for other meanings have their own now")
    func noReuse() {
        #expect(DiagnosticCode.duplicateDrillID != .duplicateScenarioID)
        #expect(DiagnosticCode.unknownTestScenario != .undefinedTarget)
        #expect(DiagnosticCode.unknownTestTarget != .undefinedTarget)
        #expect(DiagnosticCode.noModelAnswer.defaultSeverity == .warning)
    }
}
