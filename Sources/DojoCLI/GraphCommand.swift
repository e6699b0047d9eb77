import ArgumentParser
import DojoKit
import Foundation

/// `dojo graph ID --format dot|mermaid`: the scenario as a diagram.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a scenario: turns, endings and branches with their conditions, as Graphviz DOT or Mermaid.",
        discussion: """
        Turns and endings no path reaches and branches no path takes are drawn red and dashed and \
        marked "(unreachable)" / "(never taken)" (found as `dojo explore` finds them). \
        Render DOT with `dojo graph ID | dot -Tsvg > ID.svg`; paste Mermaid into a Markdown ```mermaid block.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case dot, mermaid }

    @Argument(help: ArgumentHelp("The scenario id (see `dojo list`).", valueName: "id"))
    var id: String

    @Option(help: "Output format: dot or mermaid.")
    var format: Format = .dot

    @OptionGroup var scenarioOptions: ScenarioOptions

    func run() throws {
        let (_, scenario) = try ScenarioLookup.find(id, options: scenarioOptions)
        let graph = ScenarioGraph(scenario: scenario, exploration: Explorer(scenario: scenario).walk())
        let text = format == .dot ? DOTWriter.render(graph) : MermaidWriter.render(graph)
        print(TerminalSanitizer.cleanLines(text), terminator: "")
    }
}
