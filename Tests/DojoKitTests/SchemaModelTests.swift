import Foundation
import Testing
@testable import DojoKit

/// The built-in JSON Schemas are tested against the model: every object's keys are exactly the keys the
/// readers accept, so the schema and `dojo validate` never disagree about what a file may hold.
@Suite("JSON Schemas match the readers")
struct SchemaModelTests {
    static func schema(_ kind: JSONSchema.Kind) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(JSONSchema.text(kind).utf8)) as? [String: Any])
    }

    static func keys(_ object: Any?) -> Set<String> {
        Set(((object as? [String: Any])?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
    }

    static func definition(_ schema: [String: Any], _ name: String) -> Any? { (schema["$defs"] as? [String: Any])?[name] }

    static func items(_ object: Any?, _ property: String) -> Any? {
        (((object as? [String: Any])?["properties"] as? [String: Any])?[property] as? [String: Any])?["items"]
    }

    @Test("scenario: top level, persona, meter, turn, branch and ending keys")
    func scenario() throws {
        let schema = try Self.schema(.scenario)
        #expect(Self.keys(schema) == Set(ScenarioReader.topKeys))
        #expect(Self.keys(Self.definition(schema, "persona")) == Set(ScenarioReader.personaKeys))
        #expect(Self.keys(Self.definition(schema, "meter")) == Set(ScenarioReader.meterKeys))
        #expect(Self.keys(Self.definition(schema, "turn")) == Set(ScenarioReader.turnKeys))
        #expect(Self.keys(Self.definition(schema, "branch")) == Set(ScenarioReader.branchKeys))
        #expect(Self.keys(Self.definition(schema, "ending")) == Set(ScenarioReader.endingKeys))
    }

    @Test("playbook, drill, track and test plan keys")
    func otherKinds() throws {
        let playbook = try Self.schema(.playbook)
        #expect(Self.keys(playbook) == Set(PlaybookReader.topKeys))
        #expect(Self.keys(Self.definition(playbook, "tactic")) == Set(PlaybookReader.tacticKeys))
        #expect(Self.keys(Self.definition(playbook, "profile")) == Set(PlaybookReader.profileKeys))
        let drill = try Self.schema(.drill)
        #expect(Self.keys(drill) == Set(DrillReader.topKeys))
        #expect(Self.keys(Self.items(drill, "items")) == Set(DrillReader.itemKeys))
        let track = try Self.schema(.track)
        #expect(Self.keys(track) == Set(TrackReader.topKeys))
        #expect(Self.keys(Self.items(track, "steps")) == Set(TrackReader.stepKeys))
        let test = try Self.schema(.test)
        #expect(Self.keys(test) == Set(TranscriptPlanReader.topKeys))
        #expect(Self.keys(Self.items(test, "plays")) == Set(TranscriptPlanReader.playKeys))
    }

    @Test("every kind is valid JSON ending with one newline, with the draft 2020-12 meta-schema")
    func wellFormed() throws {
        for kind in JSONSchema.Kind.allCases {
            let text = JSONSchema.text(kind)
            #expect(text.hasSuffix("}\n") && !text.hasSuffix("\n\n"))
            #expect(try Self.schema(kind)["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        }
    }
}
