import ArgumentParser
import DojoKit
import Foundation

/// `dojo list`: the scenarios in the library as a table.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the available scenarios."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Only this value type: intrinsic, extrinsic or strategic.")
    var type: ValueType?

    @Option(help: "Only this language: zh-Hans, zh-Hant or en.")
    var lang: ScenarioLanguage?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(name: .customLong("no-color"), help: "Do not colour the output.")
    var noColor = false

    @OptionGroup var scenarioOptions: ScenarioOptions

    func run() throws {
        let listing = try scenarioOptions.listing()
        let scenarios = listing.scenarios.filter { (type == nil || $0.valueType == type) && (lang == nil || $0.language == lang) }
        switch format {
        case .json:
            let rows = scenarios.map {
                Row(id: $0.id, title: $0.title, type: $0.valueType.rawValue, language: $0.language.rawValue,
                    difficulty: $0.difficulty, turns: $0.turnIDs.count)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
        case .text:
            let terminal = Terminal.current(noColor: noColor)
            if scenarios.isEmpty {
                print("No scenarios found" + (type != nil || lang != nil ? " for that filter." : "."))
            } else {
                var table = TextTable(headers: ["ID", "TITLE", "TYPE", "LANG", "LEVEL", "TURNS"],
                                      alignments: [.left, .left, .left, .left, .right, .right], flexibleColumn: 1)
                table.rows = scenarios.map {
                    [TerminalSanitizer.clean($0.id), TerminalSanitizer.clean($0.title),
                     "\($0.valueType.rawValue) \($0.valueType.chineseName)", $0.language.rawValue,
                     "\($0.difficulty)/5", String($0.turnIDs.count)]
                }
                table.render(width: terminal.width, terminal: terminal).forEach { print($0) }
            }
        }
        if listing.errorCount > 0 {
            printError("note: \(listing.errorCount) problem(s) in the scenario files kept some scenarios out; run `dojo validate`.")
        }
    }

    struct Row: Encodable {
        var id, title, type, language: String
        var difficulty, turns: Int
    }
}

extension ValueType: ExpressibleByArgument {}
extension ScenarioLanguage: ExpressibleByArgument {}
