/// What one turn asks of a reply: the tactics to use and to avoid, and a model answer.
public struct TurnExpectation: Sendable, Hashable {
    /// Tactic ids a strong reply uses.
    public var expect: [String]
    /// Tactic ids that hurt here.
    public var avoid: [String]
    /// The turn's model answer, used as the example for missing tactics.
    public var modelAnswer: String?

    /// Creates an expectation.
    public init(expect: [String], avoid: [String] = [], modelAnswer: String? = nil) {
        self.expect = expect
        self.avoid = avoid
        self.modelAnswer = modelAnswer
        modelAnswerLength = modelAnswer.map { Analysis.lengthUnits($0.unicodeScalars.lazy.map(\.value)) } ?? 0
    }

    /// The model answer's length in units (0 without one): a reply as long as the model answer is not "too long".
    public private(set) var modelAnswerLength: Int

    /// The expectation of a scenario turn.
    public init(_ turn: Turn) {
        self.init(expect: turn.expect, avoid: turn.avoid, modelAnswer: turn.modelAnswer)
    }
}
