import Foundation
import Testing

/// `dojo schema`, docs/schema, and broken files rejected both by a real JSON Schema validator and by `dojo validate`.
@Suite("dojo schema, end to end")
struct SchemaCommandTests {
    @Test("dojo schema KIND prints exactly docs/schema/KIND.schema.json; without KIND it lists the kinds")
    func matchesDocs() throws {
        for kind in ["scenario", "playbook", "drill", "test", "track"] {
            let result = try DojoBinary.run(["schema", kind])
            #expect(result.status == 0)
            let docs = try String(contentsOfFile: DojoBinary.repositoryRoot + "/docs/schema/\(kind).schema.json", encoding: .utf8)
            #expect(result.stdout == docs, "regenerate: dojo schema \(kind) > docs/schema/\(kind).schema.json")
        }
        let list = try DojoBinary.run(["schema"])
        #expect(list.stdout == "scenario\tscenario.schema.json\nplaybook\tplaybook.schema.json\ndrill\tdrill.schema.json\ntest\ttest.schema.json\ntrack\ttrack.schema.json\n")
        #expect(try DojoBinary.run(["schema", "scenarios"]).status == 2)
    }

    /// A broken file: its schema, a name, and the text.
    struct Broken {
        var schema: String
        var name: String
        var text: String
    }

    static func brokenFiles() throws -> [Broken] {
        let root = DojoBinary.repositoryRoot + "/Scenarios/"
        let scenario = try String(contentsOfFile: root + "en/customer-a-lowest-quote.yaml", encoding: .utf8)
        let playbook = try String(contentsOfFile: root + "playbooks/intrinsic.yaml", encoding: .utf8)
        let test = try String(contentsOfFile: root + "tests/customer-a-lowest-quote-en.yaml", encoding: .utf8)
        let drill = try String(contentsOfFile: root + "drills/en.yaml", encoding: .utf8)
        let track = try String(contentsOfFile: root + "tracks/onboarding-en.yaml", encoding: .utf8)
        func mutate(_ text: String, _ from: String, _ to: String) throws -> String {
            try #require(text.contains(from), "\(from) is not in the shipped file")
            return text.replacingOccurrences(of: from, with: to)
        }
        return [
            Broken(schema: "scenario", name: "unknown-key", text: try mutate(scenario, "\ndifficulty: 2", "\ndifficulty: 2\ncolour: blue")),
            Broken(schema: "scenario", name: "wrong-type", text: try mutate(scenario, "expect: [cut-sales-cost, price-angle]", "expect: price-angle")),
            Broken(schema: "scenario", name: "missing-title", text: try mutate(scenario, "\ntitle: \"One Week to Decide: The Lowest Quote for 50,000 Tubes\"", "")),
            Broken(schema: "scenario", name: "bad-type", text: try mutate(scenario, "\ntype: intrinsic", "\ntype: intrinsik")),
            Broken(schema: "scenario", name: "difficulty", text: try mutate(scenario, "\ndifficulty: 2", "\ndifficulty: 9")),
            Broken(schema: "scenario", name: "unknown-tactic", text: try mutate(scenario, "expect: [cut-sales-cost, price-angle]", "expect: [cut-sales-cost, price-angel]")),
            Broken(schema: "scenario", name: "bad-id", text: try mutate(scenario, "id: customer-a-lowest-quote-en", "id: Customer A")),
            Broken(schema: "scenario", name: "ending-kind", text: try mutate(scenario, "kind: lost", "kind: draw")),
            Broken(schema: "playbook", name: "playbook-unknown-key", text: try mutate(playbook, "\ntactics:", "\nflavour: bitter\ntactics:")),
            Broken(schema: "test", name: "test-expect", text: try mutate(test, "expect: won", "expect: draw")),
            Broken(schema: "test", name: "test-unknown-key", text: try mutate(test, "\nplays:", "\nnotes: none\nplays:")),
            Broken(schema: "drill", name: "drill-language", text: try mutate(drill, "language: en", "language: english")),
            Broken(schema: "track", name: "track-pass", text: try mutate(track, "pass: ", "pass: 1")),
        ]
    }

    @Test("a set of broken files is rejected by the JSON Schema (python3 -m jsonschema) and by dojo validate")
    func brokenRejectedByBoth() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let broken = try Self.brokenFiles()
        var paths: [String] = []
        for file in broken {
            let path = try scratch.write("\(file.name).yaml", file.text)
            paths.append(path)
            let run = try Self.schemaValidator(file.schema, [path])
            try #require(run.status != 3 && run.status != 127, "the JSON Schema validator cannot run: \(run.stderr) — run `make deps`")
            #expect(run.status == 1, "the \(file.schema) schema accepts \(file.name): \(run.stdout)")
            #expect(run.stdout.contains(path + ": "), "\(file.name): \(run.stdout)")
        }
        let validate = try DojoBinary.run(["validate"] + paths)
        #expect(validate.status == 1)
        for path in paths {
            #expect(validate.stdout.contains(path + ":") && validate.stdout.split(separator: "\n")
                .contains { $0.hasPrefix(path + ":") && $0.contains(": error[") }, "dojo validate accepts \(path):\n\(validate.stdout)")
        }
    }

    /// docs/tools/validate-schema.py on `files` against docs/schema/<kind>.schema.json.
    static func schemaValidator(_ kind: String, _ files: [String]) throws -> DojoBinary.Output {
        try DojoBinary.run(["python3", DojoBinary.repositoryRoot + "/docs/tools/validate-schema.py",
                            DojoBinary.repositoryRoot + "/docs/schema/\(kind).schema.json"] + files, executable: "/usr/bin/env")
    }
}
