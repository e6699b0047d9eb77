/// Sorts a reply's hashed terms (`ExemplarIndex`) in ascending order: the same order `sort()` gives, since
/// equal integers cannot be told apart, in about half the instructions for the 30–300 terms of a reply. The
/// standard library's sort is a stable merge sort for any element; this is an unstable quicksort for `UInt64`
/// (median of three, insertion sort below 16 elements). It gives up on inputs that defeat the median of three
/// (deeper than twice log2 of the count) and hands the rest to the standard sort, so it is never quadratic.
///
/// With room for a copy (`scratch`), a reply's terms are first distributed over 64 buckets by their leading bits and then
/// finished by an insertion sort (about half the instructions again for 20–250 terms): see `bucketSort`.
enum TermSort {
    static func sort(_ terms: UnsafeMutableBufferPointer<UInt64>) {
        guard terms.count > 1 else { return }
        sort(terms, 0, terms.count, depth: 2 * (Int.bitWidth - terms.count.leadingZeroBitCount))
    }

    /// Sorts `terms` with `scratch` (at least as many elements) as working space, whose contents it overwrites.
    static func sort(_ terms: UnsafeMutableBufferPointer<UInt64>, scratch: UnsafeMutableBufferPointer<UInt64>) {
        if terms.count <= 16 {
            terms.stableInsertionSort(count: terms.count, by: <)
        } else if terms.count <= 256 && scratch.count >= terms.count {
            bucketSort(terms, scratch: scratch)
        } else {
            sort(terms)
        }
    }

    /// The bucket of a term, non-decreasing in the term: CJK characters (the only terms below 2^16, where they are
    /// spread over U+3400–U+9FFF) by their value in buckets 0–31, every other term (hashes, spread over all 64 bits)
    /// by its top five bits in buckets 32–63.
    @inline(__always)
    private static func bucket(_ term: UInt64) -> Int {
        term < 0x1_0000 ? Int(truncatingIfNeeded: term &>> 11) : 32 | Int(truncatingIfNeeded: term &>> 59)
    }

    /// A counting sort on `bucket` into `scratch` and back, then an insertion sort. As the buckets are in the terms' order,
    /// only terms sharing a bucket (two or three in a reply) can be out of order after the first pass, so the insertion
    /// sort moves little; it alone makes the result sorted, whatever the buckets do.
    static func bucketSort(_ terms: UnsafeMutableBufferPointer<UInt64>, scratch: UnsafeMutableBufferPointer<UInt64>) {
        // The passes below index without bounds checks in release builds: at least one term, room for all of them in
        // `scratch`, and counts that fit the Int32 bucket starts.
        precondition(!terms.isEmpty && scratch.count >= terms.count && terms.count <= Int(Int32.max))
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 65) { starts in
            starts.initialize(repeating: 0)
            for term in terms { starts[bucket(term) &+ 1] &+= 1 }
            for b in 1..<65 { starts[b] &+= starts[b &- 1] }
            for term in terms {
                let b = bucket(term)
                scratch[Int(starts[b])] = term
                starts[b] &+= 1
            }
        }
        // Back into `terms`, each inserted after the larger ones before it are moved up.
        terms[0] = scratch[0]
        for i in 1..<terms.count {
            let item = scratch[i]
            var j = i
            while j > 0 && item < terms[j &- 1] {
                terms[j] = terms[j &- 1]
                j &-= 1
            }
            terms[j] = item
        }
    }

    /// Sorts `terms[low..<high]`, handing over to the standard sort after `depth` more partitions.
    static func sort(_ terms: UnsafeMutableBufferPointer<UInt64>, _ low: Int, _ high: Int, depth: Int) {
        var low = low, high = high, depth = depth
        while high - low > 16 {
            if depth == 0 {
                var rest = UnsafeMutableBufferPointer(rebasing: terms[low..<high])
                rest.sort()
                return
            }
            depth -= 1
            var a = terms[low], b = terms[(low + high) / 2], c = terms[high - 1]
            if a > b { swap(&a, &b) }
            if b > c { swap(&b, &c) }
            if a > b { swap(&a, &b) }
            let pivot = b
            // Hoare partition: stops on elements equal to the pivot, so repeated terms split evenly.
            var i = low, j = high - 1
            while true {
                while terms[i] < pivot { i += 1 }
                while terms[j] > pivot { j -= 1 }
                if i >= j { break }
                terms.swapAt(i, j)
                i += 1
                j -= 1
            }
            // Now terms[low...j] <= pivot <= terms[(j + 1)..<high]: recurse into the smaller part, loop on the larger.
            if j + 1 - low < high - (j + 1) {
                sort(terms, low, j + 1, depth: depth)
                low = j + 1
            } else {
                sort(terms, j + 1, high, depth: depth)
                high = j + 1
            }
        }
        UnsafeMutableBufferPointer(rebasing: terms[low..<high]).stableInsertionSort(count: high - low, by: <)
    }
}
