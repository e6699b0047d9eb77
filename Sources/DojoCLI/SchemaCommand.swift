import ArgumentParser
import DojoKit

/// `dojo schema scenario`: the JSON Schema of a file kind, for editors and outside validators.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of scenario, playbook, drill, test or track files.",
        discussion: """
        The same text as docs/schema/KIND.schema.json (draft 2020-12). Point an editor at it with a first line \
        `# yaml-language-server: $schema=PATH` (dojo new writes one), or check files with any JSON Schema \
        validator. Without KIND, lists the kinds.
        """
    )

    @Argument(help: ArgumentHelp("scenario, playbook, drill, test or track.", valueName: "kind"))
    var kind: JSONSchema.Kind?

    func run() {
        guard let kind else {
            for kind in JSONSchema.Kind.allCases { print("\(kind.rawValue)\t\(kind.fileName)") }
            return
        }
        print(JSONSchema.text(kind), terminator: "")
    }
}

extension JSONSchema.Kind: ExpressibleByArgument {}
