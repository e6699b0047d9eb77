/// A bounded counter the dialogue moves, such as the buyer's patience or trust.
public struct Meter: Sendable, Hashable {
    /// Where meter values and effects may lie (DJ0025): small enough that no sum overflows and a
    /// gauge stays drawable.
    public static let valueRange = -1000...1000

    /// The meter's name, used in conditions and effects.
    public var name: String
    /// Value at the start of the scenario.
    public var start: Int
    /// Lowest value; reaching it can end the scenario.
    public var min: Int
    /// Highest value; reaching it can end the scenario.
    public var max: Int
    /// Ending fired when the meter reaches `min`, if any.
    public var onMin: String?
    /// Ending fired when the meter reaches `max`, if any.
    public var onMax: String?
    /// What the trainee sees instead of the name, in Chinese and English (`label: {zh, en}`), if given.
    public var label: LocalizedText?

    /// Creates a meter.
    public init(name: String, start: Int, min: Int, max: Int, onMin: String? = nil, onMax: String? = nil,
                label: LocalizedText? = nil) {
        self.name = name
        self.start = start
        self.min = min
        self.max = max
        self.onMin = onMin
        self.onMax = onMax
        self.label = label
    }
}
