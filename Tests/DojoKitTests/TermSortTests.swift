import Testing
@testable import DojoKit

@Suite("Term sort: the exemplar index's sort of hashed terms")
struct TermSortTests {
    @Test("sorts like sort() on random, repeated, ordered and reversed terms, also when it hands over to the standard sort")
    func sortsLikeTheStandardSort() {
        var state: UInt64 = 9
        // SplitMix64: the same terms every run.
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var inputs: [[UInt64]] = [[], [7], [3, 1], Array(repeating: 5, count: 300), Array(0..<500), Array((0..<500).reversed())]
        for count in [2, 15, 16, 17, 40, 140, 256, 257, 1_000] {
            inputs.append((0..<count).map { _ in next() })
            inputs.append((0..<count).map { _ in next() % 7 })
            // As a reply gives them: CJK characters (small values, all in a few buckets) among hashes.
            inputs.append((0..<count).map { i in i % 2 == 0 ? 0x3400 + next() % 0x6C00 : next() })
            inputs.append((0..<count).map { _ in 0x4E00 + next() % 64 })
        }
        for input in inputs {
            for depth in [nil, 0, 1] as [Int?] {
                var sorted = input
                sorted.withUnsafeMutableBufferPointer { terms in
                    if let depth { TermSort.sort(terms, 0, terms.count, depth: depth) } else { TermSort.sort(terms) }
                }
                #expect(sorted == input.sorted(), "\(input.count) terms, depth \(String(describing: depth))")
            }
            // With working space: the bucket pass (16–256 terms), an insertion sort below, the quicksort above.
            var sorted = input
            var scratch = [UInt64](repeating: 0, count: input.count)
            sorted.withUnsafeMutableBufferPointer { terms in
                scratch.withUnsafeMutableBufferPointer { TermSort.sort(terms, scratch: $0) }
            }
            #expect(sorted == input.sorted(), "\(input.count) terms, with scratch")
        }
    }
}
