extension UnsafeMutableBufferPointer {
    /// Sorts the first `count` elements in place, keeping equal ones in the order they came (an insertion sort).
    ///
    /// For the handful of items a reply gives (its figures, a tactic's cues, its findings, the evidence ranges)
    /// kept in stack space by `withUnsafeTemporaryAllocation`: the standard library's sort needs an array, and
    /// an array costs an allocation a reply. Stable, so it orders exactly as the stable `sort(by:)` it replaces.
    @inline(__always)
    func stableInsertionSort(count: Int, by areInIncreasingOrder: (Element, Element) -> Bool) {
        guard count > 1 else { return }
        for i in 1..<count {
            let item = self[i]
            var j = i
            while j > 0 && areInIncreasingOrder(item, self[j - 1]) {
                self[j] = self[j - 1]
                j -= 1
            }
            self[j] = item
        }
    }
}
