import Foundation
import Testing
@testable import DojoKit
#if canImport(Glibc)
import Glibc
#endif

/// Engine-level regressions from the attack pass (issue #13).
@Suite("hardening: engine limits")
struct EngineHardeningTests {
    @Test("JSONWriter never traps: huge, infinite and tiny numbers")
    func writerNumbers() {
        var writer = JSONWriter()
        writer.beginArray()
        for value in [1e16, .infinity, -.infinity, .nan, 0.0001, -1e300, 123456789012345, 0.125] { writer.number(value) }
        writer.endArray()
        #expect(writer.string == "[1e+16,null,null,null,0,-1e+300,123456789012345,0.125]")
    }

    @Test("conditions: nesting and size are capped with DJ0024")
    func conditionCaps() {
        let parser = ConditionParser(meters: ["trust"], tactics: [])
        let deep = String(repeating: "(", count: 17) + "trust > 1" + String(repeating: ")", count: 17)
        let nots = String(repeating: "not ", count: 17) + "mismatch"
        let long = Array(repeating: "true", count: 101).joined(separator: " and ")
        for text in [deep, nots, long] {
            #expect(throws: ConditionParser.Failure.self) { try parser.parse(text) }
            do { _ = try parser.parse(text) } catch { #expect(error.code == .conditionTooComplex) }
        }
        let fine = String(repeating: "(", count: 16) + "trust > 1" + String(repeating: ")", count: 16)
        #expect((try? parser.parse(fine)) != nil)
    }

    @Test("numbers in conditions are bounded so they write back as digits (found by FuzzConditionParser)")
    func conditionNumbers() throws {
        let parser = ConditionParser(meters: ["trust"], tactics: [])
        for text in ["score >= 70777777777777777777777777777", "trust > 0.00001", "score < -1000001"] {
            do { _ = try parser.parse(text); Issue.record("\(text) parsed") } catch { #expect(error.code == .numberOutOfRange) }
        }
        for text in ["score >= 12.5", "trust > -1000000", "score < 0.0001"] {
            let condition = try parser.parse(text)
            #expect(try parser.parse(condition.description) == condition, "\(text) → \(condition.description)")
        }
    }

    @Test("a flat chain evaluates left to right with short-circuiting, in a loop")
    func chainEvaluation() throws {
        let parser = ConditionParser(meters: ["trust"], tactics: [])
        let allTrue = try parser.parse(Array(repeating: "trust >= 1", count: 40).joined(separator: " and "))
        #expect(allTrue.evaluate(in: StubContext(meters: ["trust": 1])))
        #expect(!allTrue.evaluate(in: StubContext(meters: ["trust": 0])))
        let oneTrue = try parser.parse((Array(repeating: "false", count: 60) + ["trust > 2"]).joined(separator: " or "))
        #expect(oneTrue.evaluate(in: StubContext(meters: ["trust": 3])))
        #expect(!oneTrue.evaluate(in: StubContext(meters: ["trust": 2])))
        let mixed = try parser.parse("false or true and trust > 2 or false")
        #expect(mixed.evaluate(in: StubContext(meters: ["trust": 3])))
    }

    @Test("session meter arithmetic saturates for a scenario built in code (no overflow trap)")
    func saturatingMeters() throws {
        let (library, folder) = try Fixtures.load(Fixtures.scenario)
        defer { folder.remove() }
        var scenario = try #require(library.scenario("quote-a"))
        scenario.meters[0].min = Int.min
        scenario.meters[0].max = Int.max
        scenario.meters[0].onMin = nil
        for index in scenario.turns[0].branches.indices {
            scenario.turns[0].branches[index].effects = [Branch.Effect(meter: "patience", delta: Int.max)]
        }
        var session = Session(scenario: scenario, evaluator: Evaluator(catalog: library.catalog), seed: 1)
        _ = try session.respond("好的")
        #expect(session.meters["patience"] == Int.max)
    }

    @Test("whole numbers: sign and digits only; out-of-range meters are DJ0025")
    func wholeNumbers() throws {
        #expect(MappingReader.isWholeNumber("+2") && MappingReader.isWholeNumber("-17") && MappingReader.isWholeNumber("0"))
        #expect(!MappingReader.isWholeNumber("1+1") && !MappingReader.isWholeNumber("0x10") && !MappingReader.isWholeNumber("+")
                && !MappingReader.isWholeNumber("2.5") && !MappingReader.isWholeNumber(""))
        let text = Fixtures.scenario.replacingOccurrences(of: "    max: 5\n", with: "    max: 1001\n")
        let (library, folder) = try Fixtures.load(text)
        defer { folder.remove() }
        #expect(library.diagnostics.map(\.code).contains(.numberOutOfRange))
        #expect(library.diagnostics.first { $0.code == .numberOutOfRange }?.message == "`max` in meter `patience` is 1001; it must be between -1000 and 1000")
    }

    @Test("scenario text with a control character is DJ0026, also through a YAML escape")
    func controlCharacters() throws {
        for title in ["\"X\\e]0;pwned\\a\"", "\"\\u202Eevil\"", "\"a\\rb\""] {
            let (library, folder) = try Fixtures.load(Fixtures.scenario.replacingOccurrences(of: "title: 一周定标", with: "title: \(title)"))
            defer { folder.remove() }
            #expect(library.diagnostics.map(\.code) == [.controlCharacter], "\(title)")
            #expect(library.scenarios.isEmpty)
        }
    }

    @Test("RegularFile refuses folders and FIFOs without blocking")
    func regularFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(mkfifo(folder.path + "/pipe.yaml", 0o600) == 0)
        guard case .failure(.special(let kind)) = RegularFile.openForReading(folder.path + "/pipe.yaml") else {
            Issue.record("a FIFO was opened")
            return
        }
        #expect(kind == "a FIFO (named pipe)")
        guard case .failure(.directory) = RegularFile.openForReading(folder.path) else {
            Issue.record("a folder was opened")
            return
        }
        let file = try folder.write("a.txt", "hello")
        guard case let .success(bytes?) = RegularFile.contents(of: file, limit: 10) else {
            Issue.record("a small file was not read")
            return
        }
        #expect(bytes == Array("hello".utf8))
        guard case .success(nil) = RegularFile.contents(of: file, limit: 3) else {
            Issue.record("the limit was not enforced")
            return
        }
    }
}
