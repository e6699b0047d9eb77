/// An Aho–Corasick automaton over Unicode scalars: finds every occurrence of every pattern in one
/// left-to-right pass, in time linear in the text plus the number of matches.
///
/// The layout is built for the cache (the cue phrases of all playbooks make thousands of states,
/// and a scan is bound by memory loads, not arithmetic):
/// - scalars map to dense symbols first (a flat table over the Basic Multilingual Plane);
/// - the root has a dense transition row;
/// - states are numbered in depth-first order, so a chain of single transitions walks through
///   neighbouring records, and each state is one 20-byte record holding its transition (inline
///   when it has just one, the common case), failure link and outputs;
/// - states with several transitions keep them in a sorted slice of one shared array.
/// No hashing happens while scanning.
public final class AhoCorasick: Sendable {
    /// One occurrence: which pattern, and where (half-open, in scalars).
    public struct Match: Sendable, Hashable {
        /// Index of the pattern as added.
        public var pattern: Int
        /// First scalar.
        public var start: Int
        /// One past the last scalar.
        public var end: Int
    }

    /// One state. With one transition, `symbol`/`edge` are it; with more, `edge` starts the slice of
    /// `edgeSymbols`/`edgeTargets` holding `edgeCount` of them.
    struct State: Sendable {
        var symbol: UInt32 = 0
        var edgeCount: UInt32 = 0
        var edge: Int32 = 0
        var fail: Int32 = 0
        /// Outputs are `outputList[outputStart ..< next state's outputStart]`.
        var outputStart: Int32 = 0
    }

    /// Symbol of each BMP scalar (0: no pattern contains it).
    private let bmpSymbols: [UInt32]
    /// Scalars beyond the BMP that occur in patterns, sorted, and their symbols.
    private let astralScalars: [UInt32]
    private let astralSymbols: [UInt32]
    /// The root's transition for each symbol (0: stay at the root).
    private let rootNext: [Int32]
    /// One record per state, plus a sentinel closing the last output slice.
    private let states: [State]
    private let edgeSymbols: [UInt32]
    private let edgeTargets: [Int32]
    private let outputList: [Int32]
    private let lengths: [Int32]

    /// Builds the automaton; patterns are scalar sequences (empty ones are ignored).
    public init(patterns: [[UInt32]]) {
        // Dense symbols, in order of first appearance (deterministic for the same patterns).
        var bmp = [UInt32](repeating: 0, count: 0x10000)
        var astral: [UInt32: UInt32] = [:]
        var symbolCount = 1
        func symbol(_ scalar: UInt32) -> UInt32 {
            if scalar < 0x10000 {
                if bmp[Int(scalar)] == 0 { bmp[Int(scalar)] = UInt32(symbolCount); symbolCount += 1 }
                return bmp[Int(scalar)]
            }
            if let s = astral[scalar] { return s }
            astral[scalar] = UInt32(symbolCount)
            symbolCount += 1
            return UInt32(symbolCount - 1)
        }

        // The trie, in insertion numbering, with children as (symbol, state) lists.
        var children: [[(symbol: UInt32, target: Int)]] = [[]]
        var rootChild: [Int] = []
        var own: [[Int32]] = [[]]
        var lengths: [Int32] = []
        for (index, pattern) in patterns.enumerated() {
            lengths.append(Int32(pattern.count))
            guard !pattern.isEmpty else { continue }
            var state = 0
            for scalar in pattern {
                let s = symbol(scalar)
                if state == 0 {
                    // The root has a child for most symbols: a dense row, not a scan.
                    if Int(s) >= rootChild.count { rootChild += [Int](repeating: 0, count: Int(s) + 1 - rootChild.count) }
                    if rootChild[Int(s)] == 0 {
                        children[0].append((s, children.count))
                        rootChild[Int(s)] = children.count
                        children.append([])
                        own.append([])
                    }
                    state = rootChild[Int(s)]
                } else if let next = children[state].first(where: { $0.symbol == s }) {
                    state = next.target
                } else {
                    children[state].append((s, children.count))
                    children.append([])
                    own.append([])
                    state = children.count - 1
                }
            }
            own[state].append(Int32(index))
        }
        for i in children.indices { children[i].sort { $0.symbol < $1.symbol } }

        // Renumber depth-first (children in symbol order), so single-transition chains are adjacent.
        var number = [Int](repeating: 0, count: children.count)
        var order: [Int] = []
        order.reserveCapacity(children.count)
        var stack = [0]
        while let state = stack.popLast() {
            number[state] = order.count
            order.append(state)
            for (_, target) in children[state].reversed() { stack.append(target) }
        }
        func child(_ state: Int, _ s: UInt32) -> Int? {
            if state == 0 { return Int(s) < rootChild.count && rootChild[Int(s)] != 0 ? rootChild[Int(s)] : nil }
            return children[state].first { $0.symbol == s }?.target
        }

        // Breadth-first (old numbering): failure links, and outputs merged along them.
        var fail = [Int](repeating: 0, count: children.count)
        var outputs = own
        var queue = children[0].map(\.target)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (s, target) in children[state] {
                queue.append(target)
                if state != 0 {
                    var f = fail[state]
                    while f != 0 && child(f, s) == nil { f = fail[f] }
                    fail[target] = child(f, s) ?? 0
                }
                outputs[target] += outputs[fail[target]]
            }
        }

        var rootNext = [Int32](repeating: 0, count: symbolCount)
        for (s, target) in children[0] { rootNext[Int(s)] = Int32(number[target]) }
        var states: [State] = []
        states.reserveCapacity(order.count + 1)
        var edgeSymbols: [UInt32] = [], edgeTargets: [Int32] = [], outputList: [Int32] = []
        for old in order {
            var record = State(fail: Int32(number[fail[old]]), outputStart: Int32(outputList.count))
            let edges = old == 0 ? [] : children[old]
            record.edgeCount = UInt32(edges.count)
            if edges.count == 1 {
                record.symbol = edges[0].symbol
                record.edge = Int32(number[edges[0].target])
            } else if edges.count > 1 {
                record.edge = Int32(edgeSymbols.count)
                for (s, target) in edges { edgeSymbols.append(s); edgeTargets.append(Int32(number[target])) }
            }
            outputList += outputs[old]
            states.append(record)
        }
        states.append(State(outputStart: Int32(outputList.count)))

        let astralSorted = astral.sorted { $0.key < $1.key }
        self.bmpSymbols = bmp
        self.astralScalars = astralSorted.map(\.key)
        self.astralSymbols = astralSorted.map(\.value)
        self.rootNext = rootNext
        self.states = states
        self.edgeSymbols = edgeSymbols
        self.edgeTargets = edgeTargets
        self.outputList = outputList
        self.lengths = lengths
    }

    /// The symbol of a scalar beyond the BMP, 0 when no pattern has it.
    private func astralSymbol(_ scalar: UInt32) -> Int {
        var low = 0, high = astralScalars.count
        while low < high {
            let mid = (low + high) / 2
            if astralScalars[mid] < scalar { low = mid + 1 } else { high = mid }
        }
        return low < astralScalars.count && astralScalars[low] == scalar ? Int(astralSymbols[low]) : 0
    }

    /// Appends every occurrence to `matches`, in order of end position (at one end position: the state's own patterns,
    /// then those along its failure chain). The scan does nothing else: with the caller's handling of a match inlined
    /// into it, the loop kept its tables' addresses on the stack and loaded them again for every scalar (matches are
    /// few, about one in nine scalars).
    public func appendMatches(in text: [UInt32], to matches: inout [Match]) {
        text.withUnsafeBufferPointer { text in
        bmpSymbols.withUnsafeBufferPointer { bmp in
        rootNext.withUnsafeBufferPointer { root in
        states.withUnsafeBufferPointer { states in
        edgeSymbols.withUnsafeBufferPointer { edgeSymbols in
        edgeTargets.withUnsafeBufferPointer { edgeTargets in
        outputList.withUnsafeBufferPointer { list in
        lengths.withUnsafeBufferPointer { lengths in
            var state = 0
            for index in 0..<text.count {
                let scalar = text[index]
                let symbol = scalar < 0x10000 ? Int(bmp[Int(scalar)]) : astralSymbol(scalar)
                // A scalar no pattern contains sends every state back to the root.
                if symbol == 0 { state = 0; continue }
                while true {
                    if state == 0 { state = Int(root[symbol]); break }
                    let record = states[state]
                    if record.edgeCount == 1 {
                        if Int(record.symbol) == symbol { state = Int(record.edge); break }
                    } else if record.edgeCount > 1 {
                        var low = Int(record.edge), high = low + Int(record.edgeCount)
                        let end = high
                        // A wide slice is narrowed by bisection, a short one scanned.
                        while high - low > 8 {
                            let mid = (low + high) >> 1
                            if Int(edgeSymbols[mid]) < symbol { low = mid + 1 } else { high = mid }
                        }
                        while low < high && Int(edgeSymbols[low]) < symbol { low += 1 }
                        if low < end && Int(edgeSymbols[low]) == symbol { state = Int(edgeTargets[low]); break }
                    }
                    state = Int(record.fail)
                }
                let from = Int(states[state].outputStart), to = Int(states[state + 1].outputStart)
                if from == to { continue }
                for k in from..<to {
                    let pattern = Int(list[k])
                    matches.append(Match(pattern: pattern, start: index + 1 - Int(lengths[pattern]), end: index + 1))
                }
            }
        }
        }
        }
        }
        }
        }
        }
        }
    }
}
