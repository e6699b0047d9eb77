import Foundation
import Testing

/// `dojo test ID…` filtering and its output formats, run through the real binary.
@Suite("dojo test: scenario ids and formats, end to end")
struct TestCommandOptionsTests {
    @Test("an id that names no scenario is a usage error naming it, with a did-you-mean; nothing runs")
    func unknownID() throws {
        let result = try DojoBinary.run(["test", "customer-a-lowest-qoute"])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("No scenario has the id 'customer-a-lowest-qoute'. Did you mean 'customer-a-lowest-quote'?"),
                "\(result.stderr)")
        #expect(!result.stdout.contains("passed"), "\(result.stdout)")
    }

    @Test("every unknown id is named, even next to a known one; one far from any id gets no suggestion")
    func unknownAmongKnown() throws {
        let result = try DojoBinary.run(["test", "customer-a-lowest-quote", "nonexistent-id", "zzz"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("No scenario has the id 'nonexistent-id'."))
        #expect(result.stderr.contains("No scenario has the id 'zzz'. Run") || result.stderr.contains("No scenario has the id 'zzz'.\n"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("'customer-a-lowest-quote'."))
        #expect(result.stderr.contains("dojo list"))
        #expect(result.stdout.isEmpty, "\(result.stdout)")
    }

    @Test("a known id runs only that scenario's plays")
    func knownID() throws {
        let result = try DojoBinary.run(["test", "customer-a-lowest-quote"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let plays = result.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("PASS ") || $0.hasPrefix("FAIL ") }
        #expect(!plays.isEmpty)
        #expect(plays.allSatisfy { $0.hasPrefix("PASS customer-a-lowest-quote/") }, "\(plays)")
        #expect(!result.stdout.contains("0 passed"))
    }
}
