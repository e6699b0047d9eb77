import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("dojo guide")
struct GuideCommandTests {
    /// Display width with CJK characters counted as two columns.
    static func width(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { sum, s in
            let v = s.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return sum + (wide ? 2 : 1)
        }
    }

    @Test("fits the width, and side-by-side columns line up (CJK widths)", arguments: [40, 80, 160], ["zh", "en"])
    func layout(_ columns: Int, _ lang: String) throws {
        let result = try DojoBinary.run(["guide", "--width", String(columns), "--lang", lang])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count > 20)
        for line in lines { #expect(Self.width(line) <= columns, "too wide at \(columns): \(line)") }
        let rows = lines.filter { $0.contains(" │ ") }
        if columns >= 160 {
            #expect(rows.count > 10, "wide terminals get the types side by side")
            // Every separator sits at the same display column in every row.
            let positions = rows.map { row -> [Int] in
                var result: [Int] = []
                var prefix = ""
                for character in row {
                    if character == "│" { result.append(Self.width(prefix)) }
                    prefix.append(character)
                }
                return result
            }
            #expect(Set(positions).count == 1, "misaligned separators: \(Set(positions))")
        } else {
            #expect(rows.isEmpty, "narrow terminals stack the types")
        }
        for name in lang == "zh" ? ["内在价值型", "外在价值型", "战略价值型"] : ["Intrinsic value", "Extrinsic value", "Strategic value"] {
            #expect(result.stdout.contains(name))
        }
    }

    @Test("one type in depth, by name or by number")
    func oneType() throws {
        let byName = try DojoBinary.run(["guide", "extrinsic", "--width", "80"])
        let byNumber = try DojoBinary.run(["guide", "2", "--width", "80"])
        #expect(byName.stdout == byNumber.stdout)
        #expect(byName.stdout.contains("inside-coach"))
        #expect(!byName.stdout.contains("战略价值型\n"))
        let bad = try DojoBinary.run(["guide", "cheap"])
        #expect(bad.status == 2)
    }

    @Test("markdown and svg exports")
    func exports() throws {
        let markdown = try DojoBinary.run(["guide", "--format", "markdown", "--lang", "en"])
        #expect(markdown.stdout.hasPrefix("# Three kinds of key account"))
        #expect(markdown.stdout.contains("| **What they value** |"))
        let svg = try DojoBinary.run(["guide", "--format", "svg"])
        #expect(svg.stdout.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.stdout.contains("内在价值型"))
        let parser = XMLParser(data: Data(svg.stdout.utf8))
        #expect(parser.parse(), "the SVG is well-formed XML")
    }
}
