extension Array {
    /// Empties a reused working array, keeping its capacity for the next reply, and leaves an empty one alone:
    /// `removeAll(keepingCapacity:)` is a call of the generic `replaceSubrange` (about 50 instructions) even for an array
    /// that is already empty, and a reply empties about twenty working arrays, many of them empty already.
    @inline(__always)
    mutating func emptyKeepingCapacity() {
        if !isEmpty { removeAll(keepingCapacity: true) }
    }
}
