/// Renders a `ScenarioGraph` as Graphviz DOT (`dot -Tsvg graph.dot > graph.svg`). Every label is a
/// quoted string: backslashes and quotes escaped, line breaks as `\n`, control characters dropped,
/// CJK and other text kept as UTF-8 (the `charset` Graphviz reads by default).
public enum DOTWriter {
    /// The DOT text, one statement per line.
    public static func render(_ graph: ScenarioGraph) -> String {
        var lines = ["digraph \(quote(graph.scenario)) {",
                     "  graph [rankdir=TB, fontname=\"sans-serif\"];",
                     "  node [shape=box, style=rounded, fontname=\"sans-serif\"];",
                     "  edge [fontname=\"sans-serif\", fontsize=10];"]
        for node in graph.nodes {
            var attributes: [String] = []
            var label = node.id
            if let detail = node.detail { label += "\n" + detail }
            if node.unreachable { label += "\n(unreachable)" }
            attributes.append("label=\(quote(label))")
            switch node.kind {
            case .turn:
                if node.isStart { attributes.append("penwidth=2") }
            case let .ending(kind):
                attributes.append("shape=ellipse")
                attributes.append("style=filled")
                attributes.append("fillcolor=\(kind == .won ? "palegreen" : kind == .lost ? "lightpink" : "lightgrey")")
            case .meterBound:
                attributes.append("shape=note")
                attributes.append("style=\"\"")
            }
            if node.unreachable { attributes.append("color=red"); attributes.append("fontcolor=red") }
            lines.append("  \(node.key) [\(attributes.joined(separator: ", "))];")
        }
        for edge in graph.edges {
            var attributes = ["label=\(quote(edge.label + (edge.neverTaken ? "\n(never taken)" : "")))"]
            if edge.neverTaken { attributes.append("style=dashed"); attributes.append("color=red") }
            lines.append("  \(edge.from) -> \(edge.to) [\(attributes.joined(separator: ", "))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A DOT quoted string (an ID or a label).
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default:
                if GraphText.isDropped(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
