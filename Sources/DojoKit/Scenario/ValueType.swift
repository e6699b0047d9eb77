/// The three key-account value types (Rackham & DeVincentis), each bought in its own way.
public enum ValueType: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// Cares about cost; knows the product; wants fewer sales steps. Transactional selling.
    case intrinsic
    /// Cares about the product in use and value-added service. Consultative selling.
    case extrinsic
    /// Wants equal partners who create value together. Enterprise selling.
    case strategic

    /// Position in the seed's order: intrinsic, extrinsic, strategic.
    public var ordinal: Int { ValueType.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: ValueType, rhs: ValueType) -> Bool { lhs.ordinal < rhs.ordinal }

    /// The Chinese name used in the seed.
    public var chineseName: String {
        switch self {
        case .intrinsic: "内在价值型"
        case .extrinsic: "外在价值型"
        case .strategic: "战略价值型"
        }
    }

    /// The English name.
    public var englishName: String {
        switch self {
        case .intrinsic: "Intrinsic value"
        case .extrinsic: "Extrinsic value"
        case .strategic: "Strategic value"
        }
    }
}
