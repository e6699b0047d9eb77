import Foundation

/// The files `dojo new` writes: a commented scenario with two real routes (the tactic used in the opening
/// decides which turn comes next), two endings and model answers, and a transcript test that plays both
/// routes and a losing run. The output validates clean and its test passes (checked by the tests).
public struct ScenarioSkeleton: Sendable {
    /// The new scenario's id (lower-case letters, digits and hyphens).
    public var id: String
    /// The buyer's value type.
    public var valueType: ValueType
    /// `zh-Hans` or `en`.
    public var language: ScenarioLanguage

    /// Creates a skeleton; nil when `id` is not a valid id or the language is not zh-Hans or en.
    public init?(id: String, valueType: ValueType, language: ScenarioLanguage) {
        guard Identifier.isValid(id), language == .simplifiedChinese || language == .english else { return nil }
        self.id = id
        self.valueType = valueType
        self.language = language
    }

    var content: SkeletonContent { SkeletonContent.for(valueType, english: language == .english) }

    /// The scenario file; `schema` is the path of scenario.schema.json relative to the file (for the modeline).
    public func scenario(schema: String) -> String {
        let c = content
        return """
        # yaml-language-server: $schema=\(schema)
        # A new \(valueType.rawValue) scenario written by `dojo new`. Edit the text, keep the shape, then run
        #   dojo validate --strict --scenarios <this folder>   (every problem with file:line:col; `dojo explain CODE`)
        #   dojo test \(id) --scenarios <this folder>   (the plays in tests/\(id).yaml must pass)
        # Field reference: docs/scenario-format.md. Tactic ids come from the shipped playbooks (`dojo guide`).
        id: \(id)
        title: \(quoted(c.title))
        language: \(language.rawValue)
        type: \(valueType.rawValue)
        difficulty: 2          # 1 (easy) to 5
        pass_mark: 70          # a total at or above this passes an exam
        persona:
          name: \(quoted(c.persona[0]))
          role: \(quoted(c.persona[1]))
          company: \(quoted(c.persona[2]))
          background: \(quoted(c.persona[3]))
        # Meters rise and fall with branch `effects`; reaching `min` ends the dialogue at `on_min`.
        meters:
          patience:
            start: 2
            min: 0
            max: 4
            on_min: \(c.lostEnding)
          trust:
            start: 0
            min: 0
            max: 3
        start: opening
        turns:
          # The opening decides the route: `\(c.tacticA)` leads to `\(c.turnA)`, `\(c.tacticB)` to `\(c.turnB)`.
          # Branches are tried top to bottom; the first whose `when` holds is taken; the last has no `when`.
          - id: opening
            buyer: \(quoted(c.opening))
            expect: [\(c.tacticA), \(c.tacticB)]   # what a good reply does (scored)
            avoid: [\(c.avoid)]                     # what this buyer punishes
            hint: \(quoted(c.openingHint))
            model_answer: \(quoted(c.openingAnswer))
            branches:
              - when: score >= 70 and used(\(c.tacticA))
                effects: {trust: 1}
                reaction: \(quoted(c.reactionA))
                goto: \(c.turnA)
              - when: used(\(c.tacticB))
                reaction: \(quoted(c.reactionB))
                goto: \(c.turnB)
              - effects: {patience: -1}
                reaction: \(quoted(c.reactionWeak))
                goto: \(c.turnB)

          - id: \(c.turnA)
            buyer: \(quoted(c.lineA))
            expect: [\(c.expectA)]
            hint: \(quoted(c.hintA))
            model_answer: \(quoted(c.answerA))
            branches:
              - when: score >= 70
                effects: {trust: 1}
                goto: close
              - effects: {patience: -1}
                goto: close

          - id: \(c.turnB)
            buyer: \(quoted(c.lineB))
            expect: [\(c.expectB)]
            hint: \(quoted(c.hintB))
            model_answer: \(quoted(c.answerB))
            branches:
              - when: score >= 70
                effects: {trust: 1}
                goto: close
              - effects: {patience: -1}
                goto: close

          - id: close
            buyer: \(quoted(c.lineClose))
            expect: [\(c.expectClose)]
            hint: \(quoted(c.hintClose))
            model_answer: \(quoted(c.answerClose))
            branches:
              - when: score >= 70 and trust >= 1
                goto: \(c.wonEnding)
              - goto: \(c.lostEnding)

        # Endings: kind won, lost or left; the debrief is what the trainee reads at the end.
        endings:
          - id: \(c.wonEnding)
            kind: won
            title: \(quoted(c.wonTitle))
            debrief: \(quoted(c.wonDebrief))
          - id: \(c.lostEnding)
            kind: lost
            title: \(quoted(c.lostTitle))
            debrief: \(quoted(c.lostDebrief))

        """
    }

    /// The transcript test plan (`tests/ID.yaml`): both routes won with model answers, a weak close lost, and
    /// non-answers that run out the buyer's patience.
    public func test(schema: String) -> String {
        let c = content
        func replies(_ list: [String]) -> String { list.map { "      - \(quoted($0))" }.joined(separator: "\n") }
        return """
        # yaml-language-server: $schema=\(schema)
        # Transcript tests for \(id): `dojo test \(id)`. Each play types its replies in order and must reach
        # the ending (`expect`: won, lost or left; `ending`: an ending id) by the `route` of turns.
        scenario: \(id)
        plays:
          - name: route-\(c.turnA)
            seed: 1
            replies:
        \(replies([c.openingAnswer, c.answerA, c.answerClose]))
            expect: won
            ending: \(c.wonEnding)
            route: [opening, \(c.turnA), close]
          - name: route-\(c.turnB)
            seed: 1
            replies:
        \(replies([c.replyB, c.answerB, c.answerClose]))
            expect: won
            ending: \(c.wonEnding)
            route: [opening, \(c.turnB), close]
          - name: weak-close
            seed: 1
            replies:
        \(replies([c.openingAnswer, c.answerA, c.nonAnswer]))
            expect: lost
            ending: \(c.lostEnding)
            route: [opening, \(c.turnA), close]
          - name: non-answers
            seed: 1
            replies:
        \(replies([c.nonAnswer, c.nonAnswer]))
            expect: lost
            ending: \(c.lostEnding)
            route: [opening, \(c.turnB)]

        """
    }

    /// A YAML double-quoted scalar.
    func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
