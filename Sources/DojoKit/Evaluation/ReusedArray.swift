extension Array {
    /// Empties a reused working array, keeping its capacity for the next reply, and leaves an empty one alone:
    /// `removeAll(keepingCapacity:)` is a call of the generic `replaceSubrange` (about 50 instructions) even for an array
    /// that is already empty, and a reply empties about twenty working arrays, many of them empty already.
    @inline(__always)
    mutating func emptyKeepingCapacity() {
        if !isEmpty { removeAll(keepingCapacity: true) }
    }
}

extension Array where Element: BitwiseCopyable {
    /// Gives a reused working array exactly `count` elements, all to be overwritten through a buffer pointer (their values
    /// are whatever the last reply left, or `filler`): cut, or grown, from the size the last reply left it at. Emptying it
    /// and appending `count` fillers cost two calls and a write of every element; this costs one call at most.
    @inline(__always)
    mutating func resizeForOverwrite(to count: Int, filler: Element) {
        if self.count > count {
            removeLast(self.count - count)
        } else if self.count < count {
            append(contentsOf: repeatElement(filler, count: count - self.count))
        }
    }
}
