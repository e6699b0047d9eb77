import Foundation

/// What a model is trained on: the labelled corpus files and the playbooks, hashed together so a model
/// can tell when it is older than its inputs.
public struct TrainingInputs: Sendable {
    /// Corpus files (`corpus/*.jsonl`), sorted.
    public var corpusFiles: [String]
    /// Playbook files (`playbooks/*.yaml`), sorted.
    public var playbookFiles: [String]

    /// The default layout under a scenario folder.
    public init(scenarioDirectory: String, corpusSubfolder: Bool = true) {
        corpusFiles = Self.files(in: scenarioDirectory + (corpusSubfolder ? "/corpus" : ""), extensions: ["jsonl"])
        playbookFiles = Self.files(in: scenarioDirectory + "/playbooks", extensions: ["yaml", "yml"])
    }

    public init(corpusFiles: [String], playbookFiles: [String]) {
        self.corpusFiles = corpusFiles.sorted()
        self.playbookFiles = playbookFiles.sorted()
    }

    /// Where a scenario folder keeps its model.
    public static func modelPath(scenarioDirectory: String) -> String { scenarioDirectory + "/models/tactics.dojomodel" }

    /// FNV-1a 64 over each file's name and bytes, in order, as 16 hex digits; nil when a file cannot be read.
    public func fingerprint() -> String? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for path in corpusFiles + playbookFiles {
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            let name = URL(fileURLWithPath: path).lastPathComponent
            for byte in Array(name.utf8) + [0] + [UInt8](data) + [0] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Checks the folder's trained model, if it has one: unreadable → error, trained on other inputs
    /// than the current corpus and playbooks → warning.
    public func modelDiagnostics(modelPath: String) -> [Diagnostic] {
        guard FileManager.default.fileExists(atPath: modelPath) else { return [] }
        let location = SourceLocation(file: modelPath, line: 1, column: 1)
        let model: TacticModel
        do { model = try TacticModel.load(path: modelPath) } catch {
            return [Diagnostic(.unreadableModel, ["problem": error.description], at: location, help: "run `dojo train` to rebuild it")]
        }
        guard let current = fingerprint(), current != model.metadata.trainedOn else { return [] }
        return [Diagnostic(.staleModel, ["trained": model.metadata.trainedOn, "current": current],
                           at: location, help: "run `dojo train` so the model learns from the current files")]
    }

    private static func files(in directory: String, extensions: Set<String>) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { extensions.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) && !$0.hasPrefix(".") }
            .sorted().map { directory + "/" + $0 }
    }
}
