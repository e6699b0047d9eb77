/// An Aho–Corasick automaton over Unicode scalars: finds every occurrence of every pattern in one
/// left-to-right pass, in time linear in the text plus the number of matches.
public struct AhoCorasick: Sendable {
    /// One occurrence: which pattern, and where (half-open, in scalars).
    public struct Match: Sendable, Hashable {
        /// Index of the pattern as added.
        public var pattern: Int
        /// First scalar.
        public var start: Int
        /// One past the last scalar.
        public var end: Int
    }

    /// Non-ASCII transitions, `state << 32 | scalar`.
    private var wide = IntegerTable([])
    /// Scalars that occur in some pattern (BMP only; others are looked up in `wide` directly).
    private var alphabet = [UInt64](repeating: 0, count: 1024)
    /// Dense transitions for ASCII, `state * 128 + scalar`, -1 when absent.
    private var ascii: [Int32] = []
    private var fail: [Int32] = [0]
    /// Patterns ending at each state (its own and those along its failure chain), flattened:
    /// state `s` owns `outputList[outputStart[s]..<outputStart[s + 1]]`.
    private var outputStart: [Int32] = []
    private var outputList: [Int32] = []
    private var lengths: [Int] = []

    /// Builds the automaton; patterns are scalar sequences (empty ones are ignored).
    public init(patterns: [[UInt32]]) {
        var outputs: [[Int32]] = [[]]
        var transitions: [UInt64: Int32] = [:]
        var childCount = 1
        var children: [[(UInt32, Int32)]] = [[]]
        for (index, pattern) in patterns.enumerated() {
            lengths.append(pattern.count)
            guard !pattern.isEmpty else { continue }
            var state: Int32 = 0
            for scalar in pattern {
                let key = UInt64(UInt32(state)) << 32 | UInt64(scalar)
                if let next = transitions[key] {
                    state = next
                } else {
                    let next = Int32(childCount)
                    childCount += 1
                    transitions[key] = next
                    children[Int(state)].append((scalar, next))
                    children.append([])
                    fail.append(0)
                    outputs.append([])
                    state = next
                }
            }
            outputs[Int(state)].append(Int32(index))
        }
        // Breadth-first: failure links, and outputs merged along them.
        var queue: [Int32] = children[0].map(\.1)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (scalar, child) in children[Int(state)] {
                queue.append(child)
                if state != 0 {
                    var f = fail[Int(state)]
                    while f != 0 && transitions[UInt64(UInt32(f)) << 32 | UInt64(scalar)] == nil { f = fail[Int(f)] }
                    fail[Int(child)] = transitions[UInt64(UInt32(f)) << 32 | UInt64(scalar)] ?? 0
                }
                outputs[Int(child)] += outputs[Int(fail[Int(child)])]
            }
        }
        ascii = [Int32](repeating: -1, count: childCount * 128)
        var wideTransitions: [(UInt64, Int32)] = []
        for (key, next) in transitions.sorted(by: { $0.key < $1.key }) {
            let scalar = UInt32(truncatingIfNeeded: key)
            if scalar < 128 { ascii[Int(key >> 32) * 128 + Int(scalar)] = next } else { wideTransitions.append((key, next)) }
            if scalar < 65536 { alphabet[Int(scalar >> 6)] |= 1 << UInt64(scalar & 63) }
        }
        wide = IntegerTable(wideTransitions)
        outputStart.reserveCapacity(outputs.count + 1)
        for list in outputs {
            outputStart.append(Int32(outputList.count))
            outputList += list
        }
        outputStart.append(Int32(outputList.count))
    }

    @inline(__always)
    private func step(_ state: Int32, _ scalar: UInt32) -> Int32? {
        if scalar < 128 {
            let next = ascii[Int(state) * 128 + Int(scalar)]
            return next >= 0 ? next : nil
        }
        return wide[UInt64(UInt32(state)) << 32 | UInt64(scalar)].flatMap { $0 >= 0 ? $0 : nil }
    }

    @inline(__always)
    private func inAlphabet(_ scalar: UInt32) -> Bool {
        scalar >= 65536 || alphabet[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
    }

    /// Calls `body` for every occurrence, in order of end position.
    public func forEachMatch(in text: [UInt32], _ body: (Match) -> Void) {
        var state: Int32 = 0
        outputStart.withUnsafeBufferPointer { starts in
            outputList.withUnsafeBufferPointer { list in
                fail.withUnsafeBufferPointer { fail in
                    for (index, scalar) in text.enumerated() {
                        // A scalar no pattern contains sends every state back to the root.
                        if scalar >= 128 && !inAlphabet(scalar) { state = 0; continue }
                        while true {
                            if let next = step(state, scalar) { state = next; break }
                            if state == 0 { break }
                            state = fail[Int(state)]
                        }
                        let from = Int(starts[Int(state)]), to = Int(starts[Int(state) + 1])
                        if from == to { continue }
                        for k in from..<to {
                            let pattern = Int(list[k])
                            let length = lengths[pattern]
                            body(Match(pattern: pattern, start: index + 1 - length, end: index + 1))
                        }
                    }
                }
            }
        }
    }
}
