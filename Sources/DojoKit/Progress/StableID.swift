/// Name-based UUIDs (RFC 4122 layout, version 8 "custom") from two independent FNV-1a 64 hashes:
/// the same name always gives the same id, so re-importing or re-exporting never duplicates.
public enum StableID {
    /// The UUID string (lowercase, 8-4-4-4-12) for `bytes` in `namespace`.
    public static func uuid(namespace: String, _ bytes: some Sequence<UInt8>) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x6c62_272e_07bb_0142
        for byte in Array(namespace.utf8) + [0] {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x100_0000_01b3 &+ 0x9E37
        }
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x100_0000_01b3 &+ 0x9E37
        }
        b = (b ^ (b >> 29)) &* 0xBF58_476D_1CE4_E5B9
        var bytes16 = (0..<8).map { UInt8(truncatingIfNeeded: a >> (56 - 8 * $0)) } + (0..<8).map { UInt8(truncatingIfNeeded: b >> (56 - 8 * $0)) }
        bytes16[6] = (bytes16[6] & 0x0F) | 0x80  // version 8
        bytes16[8] = (bytes16[8] & 0x3F) | 0x80  // RFC 4122 variant
        let hex = bytes16.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }

    /// A name-based UUID of a string.
    public static func uuid(namespace: String, _ name: String) -> String { uuid(namespace: namespace, Array(name.utf8)) }
}
