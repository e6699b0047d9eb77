/// An open-addressing hash table from `UInt64` keys to `Int32` values, built once and then only read.
/// The evaluator's hot loops (automaton transitions, n-gram lookups) need a few nanoseconds per
/// lookup; `Dictionary` hashes with SipHash, which costs several times that.
struct IntegerTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var occupied: [Bool]
    private let mask: Int
    private let shift: UInt64

    /// Builds the table from key/value pairs (later duplicates overwrite earlier ones).
    init(_ pairs: some Collection<(UInt64, Int32)>) {
        var capacity = 16
        while capacity < pairs.count * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        occupied = [Bool](repeating: false, count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        for (key, value) in pairs {
            var slot = slotFor(key)
            while occupied[slot] && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
            occupied[slot] = true
        }
    }

    @inline(__always)
    private func slotFor(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask }

    /// The value for `key`, if present.
    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        var slot = slotFor(key)
        return keys.withUnsafeBufferPointer { k in
            occupied.withUnsafeBufferPointer { o in
                while o[slot] {
                    if k[slot] == key { return values[slot] }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }
}
