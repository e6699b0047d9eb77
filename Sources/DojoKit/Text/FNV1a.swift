/// 64-bit FNV-1a: a small, stable hash (unlike `Hasher`, the same bytes give the same value in every
/// process), used for seeds and for recording which version of a scenario file a session played.
public enum FNV1a {
    /// The hash of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
