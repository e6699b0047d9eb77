import DojoKit
import Foundation
import Testing

/// `dojo explain CODE`, run through the real binary.
@Suite("dojo explain, end to end")
struct ExplainCommandTests {
    /// The section of docs/diagnostics.md for a code, cut out here independently of the product code.
    static func documented(_ code: String) throws -> String {
        let docs = try String(contentsOfFile: DojoBinary.repositoryRoot + "/docs/diagnostics.md", encoding: .utf8)
        let lines = docs.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("## \(code) ") })
        var end = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.endIndex
        while lines[end - 1].isEmpty { end -= 1 }
        return lines[start..<end].joined(separator: "\n") + "\n"
    }

    @Test("prints the code's section of docs/diagnostics.md; DJ0013, dj13, 13 and its name are the same")
    func explainsACode() throws {
        let expected = try Self.documented("DJ0013")
        for query in ["DJ0013", "dj13", "13", "undefined-target"] {
            let result = try DojoBinary.run(["explain", query])
            #expect(result.status == 0, "\(query): \(result.stderr)")
            #expect(result.stdout == expected, "\(query):\n\(result.stdout)")
        }
    }

    @Test("every code dojo can report has an explanation")
    func everyCode() throws {
        for code in DiagnosticCode.allCases {
            let result = try DojoBinary.run(["explain", code.rawValue])
            #expect(result.status == 0, "\(code.rawValue): \(result.stderr)")
            #expect(result.stdout.hasPrefix("## \(code.rawValue) \(code.name)\n"), "\(code.rawValue)")
            #expect(result.stdout.components(separatedBy: "\n").count > 2, "\(code.rawValue) has no text")
        }
    }

    @Test("an unknown code is a clear error with the closest code; exit 1")
    func unknownCode() throws {
        let result = try DojoBinary.run(["explain", "unknwn-key"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("No diagnostic has the code 'unknwn-key'. Did you mean DJ0007 unknown-key?"), "\(result.stderr)")
        let far = try DojoBinary.run(["explain", "DJ9999"])
        #expect(far.status == 1)
        #expect(far.stderr.contains("No diagnostic has the code 'DJ9999'."), "\(far.stderr)")
        #expect(try DojoBinary.run(["explain"]).status == 2)
    }

    @Test("a copied dojo explains codes from any directory: the catalogue is built in")
    func installedLayout() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let binary = scratch.path + "/prefix/bin/dojo"
        try FileManager.default.createDirectory(atPath: scratch.path + "/prefix/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: DojoBinary.path, toPath: binary)
        try scratch.write("elsewhere/readme.txt", "")
        let copied = try Self.run(binary, ["explain", "DJ0007"], in: scratch.path + "/elsewhere")
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stdout == (try Self.documented("DJ0007")))
    }

    @Test("docs/diagnostics.md is exactly `dojo explain --all --format markdown` (the catalogue is its single source)")
    func docsAreGenerated() throws {
        let docs = try String(contentsOfFile: DojoBinary.repositoryRoot + "/docs/diagnostics.md", encoding: .utf8)
        let result = try DojoBinary.run(["explain", "--all", "--format", "markdown"])
        #expect(result.status == 0)
        #expect(result.stdout == docs, "regenerate: dojo explain --all --format markdown > docs/diagnostics.md")
    }

    @Test("--all lists every code with its severity from the catalogue; --format json is data")
    func listsAll() throws {
        let result = try DojoBinary.run(["explain", "--all"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == DiagnosticCode.allCases.count)
        #expect(lines.contains { $0.hasPrefix("DJ0101  warning  unreachable-turn") })
        #expect(lines.contains { $0.hasPrefix("DJ0302  warning  stale-model") })
        #expect(lines.contains { $0.hasPrefix("DJ0303  error    unreadable-model") })
        let json = try DojoBinary.run(["explain", "--all", "--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == DiagnosticCode.allCases.count)
        #expect(entries.first?["code"] as? String == "DJ0001")
        #expect(try DojoBinary.run(["explain", "DJ0007", "--all"]).status == 2)
    }

    /// Runs a copy of the binary (DojoBinary runs the built one) in `directory`.
    static func run(_ binary: String, _ arguments: [String], in directory: String) throws -> DojoBinary.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Small outputs: reading one pipe after the other cannot block the child.
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return DojoBinary.Output(stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                                 status: process.terminationStatus)
    }
}
