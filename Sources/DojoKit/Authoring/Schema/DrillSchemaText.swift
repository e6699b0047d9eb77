// The JSON Schema of drill files: the source of docs/schema/drill.schema.json, which is `dojo schema drill`
// (a test checks they are identical, and that its keys are the ones the reader accepts).

extension JSONSchema {
    static let drillText = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://salesdojo.invalid/schema/drill.schema.json",
  "title": "SalesDojo drill set",
  "description": "Buyer statements whose value type the trainee names in `dojo drill`.",
  "type": "object",
  "additionalProperties": false,
  "required": ["id", "title", "language", "items"],
  "properties": {
    "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$", "description": "Unique id of the set."},
    "title": {"type": "string", "minLength": 1, "description": "Shown at the top of the drill."},
    "language": {"enum": ["zh-Hans", "zh-Hant", "en"], "description": "Language of the statements; `dojo drill --lang` picks a set by it."},
    "items": {
      "type": "array",
      "minItems": 1,
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "type", "statement", "source", "why"],
        "properties": {
          "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$", "description": "Unique within the set."},
          "type": {"enum": ["intrinsic", "extrinsic", "strategic"], "description": "The buyer's value type."},
          "statement": {"type": "string", "minLength": 1, "description": "What the buyer says."},
          "source": {"type": "string", "minLength": 1, "description": "The seed's case or dialogue, or an original."},
          "why": {"type": "string", "minLength": 1, "description": "The cue that gives the type away, shown after the answer."}
        }
      }
    }
  }
}
"""#
}
