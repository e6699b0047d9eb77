/// What diagram labels leave out: control characters (a tab becomes a space elsewhere; here it is
/// dropped with the rest) and bidi overrides that could disguise a label.
enum GraphText {
    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }
}
