import Foundation
import Testing

/// Every shipped file validates against its JSON Schema in docs/schema, checked by a real validator (the
/// `jsonschema` Python package through docs/tools/validate-schema.py), so an editor using the schemas never
/// flags a valid file red. Nothing is skipped: without the validator these tests fail and say to run `make deps`.
@Suite("JSON Schemas accept the shipped files (python3 -m jsonschema)")
struct SchemaValidationTests {
    struct Run {
        var output: String
        var status: Int32
    }

    /// Runs the validator script on `files` against `docs/schema/<schema>`.
    static func validate(_ schema: String, _ files: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Shipped.root + "/docs/tools/validate-schema.py", Shipped.root + "/docs/schema/" + schema] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(output: String(decoding: data, as: UTF8.self), status: process.terminationStatus)
    }

    /// The YAML files directly in `Scenarios/<folder>`, sorted.
    static func files(in folder: String) throws -> [String] {
        let path = Shipped.root + "/Scenarios/" + folder
        return try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { path + "/" + $0 }
    }

    /// Fails with a clear message when python3, PyYAML or jsonschema is missing.
    static func requireValidator() throws {
        let probe = try validate("playbook.schema.json", [])
        // With no files the script prints its usage (status 2); 3 means a package is missing, 127 no python3.
        try #require(probe.status == 2, "the JSON Schema validator cannot run (status \(probe.status)): \(probe.output) — run `make deps` to install python3's PyYAML and jsonschema")
    }

    @Test("every shipped playbook, scenario, drill set and track validates", arguments: [
        ("playbook.schema.json", ["playbooks"]),
        ("scenario.schema.json", ["zh-Hans", "en"]),
        ("drill.schema.json", ["drills"]),
        ("track.schema.json", ["tracks"]),
        ("test.schema.json", ["tests"]),
    ])
    func shippedFilesValidate(schema: String, folders: [String]) throws {
        try Self.requireValidator()
        let files = try folders.flatMap { try Self.files(in: $0) }
        try #require(!files.isEmpty, "no shipped files in \(folders)")
        let run = try Self.validate(schema, files)
        #expect(run.status == 0, "\(schema) rejects shipped files:\n\(run.output)")
        #expect(run.output.contains("\(files.count) file(s) valid"), "\(run.output)")
    }

    @Test("the playbook schema rejects an unknown key and a profile with a missing field")
    func brokenPlaybookRejected() throws {
        try Self.requireValidator()
        let source = try String(contentsOfFile: Shipped.root + "/Scenarios/playbooks/intrinsic.yaml", encoding: .utf8)
        let folder = NSTemporaryDirectory() + "dojo-schema-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let unknownKey = folder + "/unknown-key.yaml"
        try source.replacingOccurrences(of: "\ntactics:", with: "\nflavour: bitter\ntactics:")
            .write(toFile: unknownKey, atomically: true, encoding: .utf8)
        let noBuying = folder + "/no-buying.yaml"
        let lines = source.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "  buying:"))
        try (lines[..<start] + lines[(start + 3)...]).joined(separator: "\n").write(toFile: noBuying, atomically: true, encoding: .utf8)
        let run = try Self.validate("playbook.schema.json", [unknownKey, noBuying])
        #expect(run.status == 1)
        #expect(run.output.contains("unknown-key.yaml: $: Additional properties are not allowed ('flavour' was unexpected)"), "\(run.output)")
        #expect(run.output.contains("no-buying.yaml: $.profile: 'buying' is a required property"), "\(run.output)")
    }

    @Test("every shipped YAML file starts with a schema modeline naming the schema of its kind")
    func modelines() throws {
        let kinds = ["playbooks": "playbook", "zh-Hans": "scenario", "en": "scenario", "drills": "drill", "tracks": "track", "tests": "test"]
        for (folder, kind) in kinds.sorted(by: { $0.key < $1.key }) {
            let files = try Self.files(in: folder)
            try #require(!files.isEmpty, "no shipped files in \(folder)")
            for file in files {
                let first = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", maxSplits: 1).first.map(String.init)
                #expect(first == "# yaml-language-server: $schema=../../docs/schema/\(kind).schema.json", "\(file)")
            }
        }
    }
}
