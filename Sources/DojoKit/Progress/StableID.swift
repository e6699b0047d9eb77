/// Name-based UUIDs (RFC 4122 version 5, SHA-1) in SalesDojo's namespace: the same name always gives
/// the same id, so importing twice or exporting xAPI twice never duplicates a record.
public enum StableID {
    /// SalesDojo's namespace UUID: fixed random bytes; never change them, or every id changes.
    static let namespace: [UInt8] = [0x5b, 0x0f, 0x3d, 0x1e, 0x8c, 0x4a, 0x5e, 0x21, 0x9a, 0x7d, 0x2e, 0x61, 0x0c, 0x43, 0x9b, 0x17]

    /// The UUID (lowercase 8-4-4-4-12) of `bytes` under `namespace` (a label that keeps kinds apart).
    public static func uuid(namespace label: String, _ bytes: some Sequence<UInt8>) -> String {
        var digest = SHA1.hash(namespace + Array(label.utf8) + [0] + Array(bytes))
        digest[6] = (digest[6] & 0x0F) | 0x50  // version 5
        digest[8] = (digest[8] & 0x3F) | 0x80  // RFC 4122 variant
        let hex = Array("0123456789abcdef")
        var out = ""
        for (i, byte) in digest.prefix(16).enumerated() {
            if [4, 6, 8, 10].contains(i) { out.append("-") }
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        }
        return out
    }

    /// A name-based UUID of a string.
    public static func uuid(namespace: String, _ name: String) -> String { uuid(namespace: namespace, Array(name.utf8)) }
}
