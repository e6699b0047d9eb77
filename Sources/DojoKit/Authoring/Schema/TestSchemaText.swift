// The JSON Schema of test files: the source of docs/schema/test.schema.json, which is `dojo schema test`
// (a test checks they are identical, and that its keys are the ones the reader accepts).

extension JSONSchema {
    static let testText = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://salesdojo.invalid/schema/test.schema.json",
  "title": "SalesDojo transcript test plan",
  "description": "Scripted play-throughs of one scenario (tests/*.yaml), run by `dojo test`: each play types its replies in order and must reach the expected ending, by the given route when one is listed. See docs/scenario-format.md.",
  "type": "object",
  "additionalProperties": false,
  "required": ["scenario", "plays"],
  "properties": {
    "scenario": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$", "description": "The id of the scenario the plays run against."},
    "plays": {
      "type": "array",
      "minItems": 1,
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["name", "replies", "expect"],
        "properties": {
          "name": {"type": "string", "minLength": 1, "description": "Shown in the results (and as the JUnit test case)."},
          "seed": {"type": "integer", "minimum": 0, "description": "Seed for the buyer's line variants (default 1)."},
          "replies": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}, "description": "The rep's replies in order; the last is repeated if the dialogue goes on."},
          "expect": {
            "description": "The kind of ending the play must reach, or a list of acceptable kinds.",
            "oneOf": [
              {"enum": ["won", "lost", "left"]},
              {"type": "array", "minItems": 1, "items": {"enum": ["won", "lost", "left"]}}
            ]
          },
          "ending": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$", "description": "The ending id the play must reach."},
          "route": {"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}, "description": "The turns the play must pass, in order."}
        }
      }
    }
  }
}
"""#
}
