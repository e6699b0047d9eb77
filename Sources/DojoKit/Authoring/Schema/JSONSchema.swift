/// The JSON Schemas (draft 2020-12) of SalesDojo's file kinds, built into dojo: `dojo schema KIND` prints
/// one, `docs/schema/KIND.schema.json` holds the same text, and files point editors at it with a
/// `# yaml-language-server: $schema=…` modeline.
public enum JSONSchema {
    /// A kind of file with a schema.
    public enum Kind: String, CaseIterable, Sendable {
        /// A scenario (`zh-Hans/*.yaml`, `en/*.yaml`).
        case scenario
        /// A playbook (`playbooks/*.yaml`).
        case playbook
        /// A drill set (`drills/*.yaml`).
        case drill
        /// A transcript test plan (`tests/*.yaml`).
        case test
        /// An onboarding track (`tracks/*.yaml`).
        case track

        /// The file name under docs/schema.
        public var fileName: String { "\(rawValue).schema.json" }
    }

    /// The schema's JSON text, ending with a newline.
    public static func text(_ kind: Kind) -> String {
        let body = switch kind {
        case .scenario: scenarioText
        case .playbook: playbookText
        case .drill: drillText
        case .test: testText
        case .track: trackText
        }
        return body + "\n"
    }
}
