import ArgumentParser

/// Interface language and colour, shared by the commands that talk to a person.
struct DisplayOptions: ParsableArguments {
    @Option(help: "Interface language: zh or en (default: the scenario's, or zh).")
    var lang: UILanguage?

    @Flag(name: .customLong("no-color"), help: "Do not colour the output.")
    var noColor = false
}
