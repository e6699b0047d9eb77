/// Renders a `ScenarioGraph` as a Mermaid flowchart. Node ids are the graph's own (`t0`, `e1`), so no
/// author id can collide with Mermaid keywords; labels are quoted strings where `"`, `#`, `<`, `>`,
/// `&`, `|` and the brackets are written as Mermaid entity codes, line breaks as `<br/>`, control
/// characters dropped.
public enum MermaidWriter {
    /// The flowchart text.
    public static func render(_ graph: ScenarioGraph) -> String {
        var lines = ["flowchart TD"]
        for node in graph.nodes {
            var label = node.id
            if let detail = node.detail { label += "\n" + detail }
            if node.unreachable { label += "\n(unreachable)" }
            let text = quote(label)
            switch node.kind {
            case .turn: lines.append("  \(node.key)[\(text)]")
            case .ending: lines.append("  \(node.key)([\(text)])")
            case .meterBound: lines.append("  \(node.key)>\(text)]")
            }
        }
        for edge in graph.edges {
            let label = quote(edge.label + (edge.neverTaken ? "\n(never taken)" : ""))
            lines.append("  \(edge.from) \(edge.neverTaken ? "-.->" : "-->")|\(label)| \(edge.to)")
        }
        lines.append("  classDef won fill:#c8f7c5")
        lines.append("  classDef lost fill:#f7c5d0")
        lines.append("  classDef left fill:#dddddd")
        lines.append("  classDef unreachable stroke:#d00,color:#d00,stroke-dasharray:4 3")
        for node in graph.nodes {
            if case let .ending(kind) = node.kind { lines.append("  class \(node.key) \(kind.rawValue)") }
            if node.unreachable { lines.append("  class \(node.key) unreachable") }
        }
        if let start = graph.nodes.first(where: \.isStart) { lines.append("  style \(start.key) stroke-width:3px") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Mermaid quoted label.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "<br/>"
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "&": out += "#amp;"
            case "|": out += "#124;"
            case "[": out += "#91;"
            case "]": out += "#93;"
            case "{": out += "#123;"
            case "}": out += "#125;"
            case "(": out += "#40;"
            case ")": out += "#41;"
            default:
                if GraphText.isDropped(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
