/// Sorts a reply's hashed terms (`ExemplarIndex`) in ascending order: the same order `sort()` gives, since
/// equal integers cannot be told apart, in about half the instructions for the 30–300 terms of a reply. The
/// standard library's sort is a stable merge sort for any element; this is an unstable quicksort for `UInt64`
/// (median of three, insertion sort below 16 elements). It gives up on inputs that defeat the median of three
/// (deeper than twice log2 of the count) and hands the rest to the standard sort, so it is never quadratic.
enum TermSort {
    static func sort(_ terms: UnsafeMutableBufferPointer<UInt64>) {
        guard terms.count > 1 else { return }
        sort(terms, 0, terms.count, depth: 2 * (Int.bitWidth - terms.count.leadingZeroBitCount))
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
