import Foundation
import Yams

/// Reads a YAML file into a Yams node tree with hard limits, turning every failure into a diagnostic.
///
/// Limits: files over `maxBytes` are refused before being read whole; documents expanding to more
/// than `maxNodes` nodes (alias bombs) are refused after composing, which is cheap because Yams
/// shares aliased subtrees.
public struct DocumentLoader: Sendable {
    /// Largest file accepted, in bytes.
    public var maxBytes: Int
    /// Most nodes a document may expand to, counting every alias expansion.
    public var maxNodes: Int

    /// Default caps: 1 MiB and 100,000 nodes.
    public init(maxBytes: Int = 1 << 20, maxNodes: Int = 100_000) {
        self.maxBytes = maxBytes
        self.maxNodes = maxNodes
    }

    /// A composed document.
    public struct Document {
        /// The source, for quoting lines.
        public var source: SourceText
        /// The root node.
        public var root: Node
    }

    /// Loads the file at `path`; on failure returns the diagnostics that explain why. Only regular
    /// files are opened (a FIFO named `x.yaml` would otherwise block every command), and never more
    /// than `maxBytes + 1` bytes are read.
    public func load(path: String) -> Result<Document, DiagnosticList> {
        let at = SourceLocation(file: path, line: 1, column: 1)
        switch RegularFile.contents(of: path, limit: maxBytes) {
        case let .success(bytes?):
            return load(data: Data(bytes), path: path)
        case .success(nil):
            return .failure([Diagnostic(.fileTooLarge, ["limit": String(maxBytes)],
                                        at: at, help: "split the scenario into smaller files")])
        case let .failure(.special(kind)):
            return .failure([Diagnostic(.notRegularFile, ["kind": kind], at: at,
                                        help: "scenario folders hold ordinary files; remove it or rename it so it does not end in .yaml")])
        case let .failure(refusal):
            return .failure([Diagnostic(.unreadableFile, ["reason": "\(refusal)"], at: at,
                                        help: "check that it exists and is readable")])
        }
    }

    /// Loads YAML from bytes that claim to come from `path`.
    public func load(data: Data, path: String) -> Result<Document, DiagnosticList> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        if data.count > maxBytes {
            return .failure([Diagnostic(.fileTooLarge, ["limit": String(maxBytes)],
                                        at: start, help: "split the scenario into smaller files")])
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = Self.firstInvalidUTF8(in: bytes) {
            return .failure([Diagnostic(.notUTF8, ["byte": String(bad.byte, radix: 16, uppercase: true), "offset": String(bad.offset)],
                at: SourceLocation(file: path, line: bad.line, column: bad.column),
                help: "save the file as UTF-8 (e.g. `iconv -f GBK -t UTF-8`)")])
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let source = SourceText(path: path, text: text)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return .failure([diagnostic(for: error, in: source)])
        } catch {
            return .failure([Diagnostic(.yamlSyntax, ["problem": "\(error)"], variant: "other", at: start)])
        }
        guard let root, !Self.isNull(root) else {
            return .failure([Diagnostic(.emptyFile, at: start,
                                        help: "a scenario needs at least `id`, `title`, `turns` and `endings`")])
        }
        var budget = maxNodes
        if !Self.countNodes(root, budget: &budget) {
            return .failure([Diagnostic(.tooManyNodes, ["limit": String(maxNodes)],
                at: Self.location(of: root, in: source),
                help: "remove the nested aliases (`*name`); write the content out instead")])
        }
        return .success(Document(source: source, root: root))
    }

    static func isNull(_ node: Node) -> Bool {
        // Compare tag names: building a `Tag` to compare with builds Yams' default constructor tables each time.
        if case let .scalar(scalar) = node {
            return scalar.tag.rawValue == Tag.Name.null.rawValue || (scalar.string.isEmpty && scalar.style == .plain)
        }
        return false
    }

    /// Counts nodes depth-first, stopping as soon as the budget is spent.
    static func countNodes(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .scalar, .alias:
            return true
        case let .sequence(sequence):
            for child in sequence where !countNodes(child, budget: &budget) { return false }
            return true
        case let .mapping(mapping):
            for (key, value) in mapping {
                if !countNodes(key, budget: &budget) || !countNodes(value, budget: &budget) { return false }
            }
            return true
        }
    }

    static func location(of node: Node, in source: SourceText) -> SourceLocation {
        let mark = node.mark
        return source.location(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func diagnostic(for error: YamlError, in source: SourceText) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var help: String?
            if let context {
                help = "\(context.text) (started at line \(context.mark.line), column \(context.mark.column))"
            }
            if problem.contains("tab") || source.line(mark.line)?.contains("\t") == true {
                help = "YAML indentation must use spaces, not tabs"
            }
            if problem.contains("max_nest_level") {
                return Diagnostic(.yamlSyntax, variant: "too-deep",
                                  at: source.location(line: mark.line, column: mark.column),
                                  help: "a scenario needs only a few levels; look for a run of `[` or `{` that is never closed")
            }
            return Diagnostic(.yamlSyntax, ["problem": problem],
                              at: source.location(line: mark.line, column: mark.column), help: help)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let first = context.mark
            let second = Self.findDuplicate(key: key, after: first, in: source)
            return Diagnostic(.duplicateKey, ["key": key],
                              at: source.location(line: second.line, column: second.column),
                              help: "`\(key)` is already set at line \(first.line), column \(first.column); keep one of them")
        case let .reader(problem, _, _, _):
            return Diagnostic(.notUTF8, ["problem": problem], variant: "yaml-reader",
                              at: source.location(line: 1, column: 1), help: "remove control characters")
        default:
            return Diagnostic(.yamlSyntax, ["problem": "\(error)"], variant: "other", at: source.location(line: 1, column: 1))
        }
    }

    /// Yams reports the first occurrence of a duplicated key; the useful position is the second.
    /// Scans the following lines at the same indentation for the key, stopping where the mapping ends.
    static func findDuplicate(key: String, after first: Mark, in source: SourceText) -> (line: Int, column: Int) {
        let indent = first.column - 1
        var number = first.line + 1
        while let line = source.line(number) {
            defer { number += 1 }
            let scalars = Array(line.unicodeScalars)
            let leading = scalars.prefix { $0 == " " }.count
            let rest = String(String.UnicodeScalarView(scalars.dropFirst(leading)))
            if rest.isEmpty || rest.hasPrefix("#") { continue }
            if leading < indent { break }
            if leading == indent {
                for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate) {
                    let after = rest.dropFirst(candidate.count).drop { $0 == " " }
                    if after.hasPrefix(":") { return (number, leading + 1) }
                }
            }
        }
        return (first.line, first.column)
    }

    struct InvalidByte {
        var offset: Int
        var byte: UInt8
        var line: Int
        var column: Int
    }

    static func firstInvalidUTF8(in bytes: [UInt8]) -> InvalidByte? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var line = 1, column = 1, offset = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return nil
            case .error:
                return InvalidByte(offset: offset, byte: offset < bytes.count ? bytes[offset] : 0, line: line, column: column)
            }
        }
    }
}

/// A list of diagnostics that can travel as an error.
public struct DiagnosticList: Error, Sendable, ExpressibleByArrayLiteral {
    /// The diagnostics.
    public var diagnostics: [Diagnostic]

    /// Creates a list.
    public init(arrayLiteral elements: Diagnostic...) { diagnostics = elements }
}
