import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `dojo list` keeps a scenario index under `$XDG_CACHE_HOME/salesdojo/scenario-index/`, through
/// the real binary: the same output from the index, edits noticed, and `show ID` / `play ID` do not
/// open the scenario files the index knows are something else.
@Suite("scenario index through dojo")
struct ScenarioIndexCommandTests {
    static let root = DojoBinary.repositoryRoot + "/Scenarios"

    /// An author's folder (on top of the shipped library): the shipped playbooks, customer A, 40 renamed
    /// copies of it and one broken file.
    static func folder() throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        try FileManager.default.copyItem(atPath: root + "/playbooks", toPath: scratch.path + "/scenarios/playbooks")
        let original = try String(contentsOfFile: root + "/zh-Hans/customer-a-lowest-quote.yaml", encoding: .utf8)
        try scratch.write("scenarios/a.yaml", original)
        for n in 1...40 {
            try scratch.write("scenarios/copies/c\(n).yaml",
                              original.replacingOccurrences(of: "id: customer-a-lowest-quote\n", with: "id: copy-\(n)\n"))
        }
        try scratch.write("scenarios/zz/broken.yaml", "id: broken\ntitle: [never closed\n")
        return scratch
    }

    static func dojo(_ arguments: [String], _ scratch: ScratchFolder, input: String = "") throws -> DojoBinary.Output {
        try DojoBinary.run(arguments + ["--scenarios", scratch.path + "/scenarios"], input: Data(input.utf8),
                           environment: ["XDG_CACHE_HOME": scratch.path + "/cache", "XDG_DATA_HOME": scratch.path + "/data"])
    }

    @Test("list writes the index, lists the same from it, and notices an edited title")
    func listFromIndex() throws {
        let scratch = try Self.folder()
        defer { scratch.remove() }
        let first = try Self.dojo(["list"], scratch)
        #expect(first.status == 0)
        #expect(first.stdout.contains("copy-40") && first.stdout.contains("customer-a-lowest-quote"))
        #expect(first.stderr.contains("note: 1 problem(s)"), "\(first.stderr)")
        let indexFolder = scratch.path + "/cache/salesdojo/scenario-index"
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: indexFolder)) ?? []).count == 1)
        let second = try Self.dojo(["list"], scratch)
        #expect(second.stdout == first.stdout && second.stderr == first.stderr)
        let json = try Self.dojo(["list", "--format", "json"], scratch)
        // The 40 copies on top of the shipped library (customer A is the author's, replacing the shipped one).
        #expect(json.stdout.components(separatedBy: "\"copy-").count - 1 == 40)
        #expect(json.stdout.components(separatedBy: "\"customer-a-lowest-quote\"").count - 1 == 1)

        let copy = scratch.path + "/scenarios/copies/c7.yaml"
        let text = try String(contentsOfFile: copy, encoding: .utf8)
        let title = try #require(text.range(of: "\ntitle: ")).upperBound
        try Data((text[..<title] + "Edited " + text[title...]).utf8).write(to: URL(fileURLWithPath: copy))
        let third = try Self.dojo(["list", "--format", "json"], scratch)
        #expect(third.stdout.contains("\"title\" : \"Edited "), "\(third.stdout)")
    }

    @Test("with the index, show ID and play ID do not open a scenario file the index knows is another scenario")
    func showReadsOne() throws {
        let scratch = try Self.folder()
        defer { scratch.remove() }
        _ = try Self.dojo(["list"], scratch)
        // Overwrite copy-7 in place with a broken file whose `id:` line claims customer A, same size and
        // same modification time, so only the index can tell it is not needed. Reading it would add
        // a "problem(s)" note (it does without the index, below).
        let copy = scratch.path + "/scenarios/copies/c7.yaml"
        var info = stat()
        #expect(stat(copy, &info) == 0)
        let size = Int(info.st_size)
        var decoy = Array("id: customer-a-lowest-quote\ntitle: [never closed\n#".utf8)
        decoy += Array(repeating: UInt8(ascii: "x"), count: size - decoy.count)
        let fd = open(copy, O_WRONLY)
        #expect(fd >= 0)
        #expect(decoy.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == size)
        close(fd)
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, copy, &times, 0) == 0)

        let show = try Self.dojo(["show", "customer-a-lowest-quote"], scratch)
        #expect(show.status == 0 && show.stdout.contains("(customer-a-lowest-quote)"), "\(show.stderr)")
        #expect(!show.stderr.contains("problem(s)"), "\(show.stderr)")
        let play = try Self.dojo(["play", "customer-a-lowest-quote", "--seed", "1", "--transcript", scratch.path + "/t.jsonl",
                                  "--db", scratch.path + "/p.sqlite"], scratch, input: "好的\n")
        #expect(play.status == 0 && play.stdout.contains("成绩单"), "\(play.stderr)")
        #expect(!play.stderr.contains("problem(s)"), "\(play.stderr)")

        // Without the index the decoy is sniffed, read and reported.
        try FileManager.default.removeItem(atPath: scratch.path + "/cache")
        let unindexed = try Self.dojo(["show", "customer-a-lowest-quote"], scratch)
        #expect(unindexed.stderr.contains("problem(s)"), "\(unindexed.stderr)")
    }
}
