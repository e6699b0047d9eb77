import Foundation
import Testing

/// A scenario saved by a Windows editor (CRLF, often with a byte-order mark) must be reported exactly like the
/// same scenario saved with LF: same diagnostics, same line and column, same quoted line and caret.
@Suite("validate: CRLF and BOM files, end to end")
struct LineEndingTests {
    enum Encoding: String, CaseIterable {
        case lf, crlf, bom, bomCRLF = "bom-crlf"

        func bytes(_ text: String) -> Data {
            let lines = self == .crlf || self == .bomCRLF ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
            let bom: [UInt8] = self == .bom || self == .bomCRLF ? [0xEF, 0xBB, 0xBF] : []
            return Data(bom + Array(lines.utf8))
        }
    }

    /// Runs `dojo validate` on `text` saved in every encoding; returns each output with its folder made neutral.
    static func outputs(_ text: String) throws -> [Encoding: (stdout: String, status: Int32)] {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        var outputs: [Encoding: (stdout: String, status: Int32)] = [:]
        for encoding in Encoding.allCases {
            let folder = scratch.path + "/" + encoding.rawValue
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let file = folder + "/broken.yaml"
            try encoding.bytes(text).write(to: URL(fileURLWithPath: file))
            let result = try DojoBinary.run(["validate", file])
            outputs[encoding] = (result.stdout.replacingOccurrences(of: folder + "/", with: "<dir>/"), result.status)
        }
        return outputs
    }

    static func shipped() throws -> String {
        try String(contentsOfFile: DojoBinary.repositoryRoot + "/Scenarios/zh-Hans/customer-a-lowest-quote.yaml",
                   encoding: .utf8)
    }

    @Test("unknown keys and a bad value under CJK text: identical output, snippets and carets included")
    func semanticErrors() throws {
        // Line 1 too, where a byte-order mark sits.
        let broken = try "titel: wrong\n" + Self.shipped()
            .replacingOccurrences(of: "\nturns:", with: "\npass_mrk: 80\nturns:")
            .replacingOccurrences(of: "\ntype: intrinsic", with: "\ntype: {价格: intrinsic}")
        let outputs = try Self.outputs(broken)
        let lf = try #require(outputs[.lf])
        #expect(lf.status == 1)
        let line = broken.components(separatedBy: "\n").firstIndex(of: "pass_mrk: 80").map { $0 + 1 } ?? 0
        #expect(lf.stdout.contains("<dir>/broken.yaml:\(line):1: error[DJ0007]"))
        #expect(lf.stdout.contains("\(line) | pass_mrk: 80\n"))
        #expect(lf.stdout.contains("<dir>/broken.yaml:1:1: error[DJ0007]: unknown key `titel`"))
        #expect(lf.stdout.contains("1 | titel: wrong\n"))
        #expect(lf.stdout.contains("| type: {价格: intrinsic}\n"))
        #expect(lf.stdout.contains("|       ^\n"), "the caret under `{`:\n\(lf.stdout)")
        for encoding in Encoding.allCases where encoding != .lf {
            let other = try #require(outputs[encoding])
            #expect(other.status == lf.status, "\(encoding)")
            #expect(other.stdout == lf.stdout, "\(encoding):\n\(other.stdout)")
        }
    }

    @Test("a duplicate key and a YAML syntax error: identical output")
    func yamlErrors() throws {
        let duplicate = try Self.shipped().replacingOccurrences(of: "\ndifficulty: 2\n", with: "\ndifficulty: 2\ndifficulty: 3\n")
        let syntax = try Self.shipped().replacingOccurrences(of: "\ndifficulty: 2\n", with: "\ndifficulty: [2\n")
        for text in [duplicate, syntax] {
            let outputs = try Self.outputs(text)
            let lf = try #require(outputs[.lf])
            #expect(lf.status == 1)
            #expect(lf.stdout.contains("error[DJ"))
            #expect(lf.stdout.contains(" | "), "a quoted source line:\n\(lf.stdout)")
            #expect(lf.stdout.contains("^\n"))
            for encoding in Encoding.allCases where encoding != .lf {
                let other = try #require(outputs[encoding])
                #expect(other.stdout == lf.stdout, "\(encoding):\n\(other.stdout)")
            }
        }
    }
}
