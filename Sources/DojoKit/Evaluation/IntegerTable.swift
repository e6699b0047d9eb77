/// An open-addressing hash table from `UInt64` keys to `Int32` values, built once and then only read.
/// The evaluator's hot loops (automaton transitions, n-gram lookups) need a few nanoseconds per
/// lookup; `Dictionary` hashes with SipHash, which costs several times that.
struct IntegerTable: Sendable {
    private struct Slot: Sendable {
        var key: UInt64
        var value: Int32
    }

    /// Marks an empty slot; a real key equal to it is stored as `empty - 1` (term hashes only, harmless).
    private static let empty = UInt64.max
    private var slots: [Slot]
    private let mask: Int
    private let shift: UInt64

    /// Builds the table from key/value pairs (later duplicates overwrite earlier ones).
    init(_ pairs: some Collection<(UInt64, Int32)>) {
        var capacity = 16
        while capacity < pairs.count * 2 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(key: Self.empty, value: 0), count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        for (rawKey, value) in pairs {
            let key = rawKey == Self.empty ? Self.empty - 1 : rawKey
            var slot = slotFor(key)
            while slots[slot].key != Self.empty && slots[slot].key != key { slot = (slot + 1) & mask }
            slots[slot] = Slot(key: key, value: value)
        }
    }

    @inline(__always)
    private func slotFor(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask }

    /// The value for `key`, if present.
    @inline(__always)
    subscript(rawKey: UInt64) -> Int32? {
        let key = rawKey == Self.empty ? Self.empty - 1 : rawKey
        var index = slotFor(key)
        while true {
            let slot = slots[index]
            if slot.key == key { return slot.value }
            if slot.key == Self.empty { return nil }
            index = (index + 1) & mask
        }
    }
}
