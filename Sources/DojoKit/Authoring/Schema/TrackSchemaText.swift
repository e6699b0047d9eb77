// The JSON Schema of track files: the source of docs/schema/track.schema.json, which is `dojo schema track`
// (a test checks they are identical, and that its keys are the ones the reader accepts).

extension JSONSchema {
    static let trackText = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://salesdojo.invalid/schema/track.schema.json",
  "title": "SalesDojo onboarding track",
  "description": "An ordered onboarding programme: the guide, drills, scenarios and an exam, each with a pass mark. See docs/tracks.md.",
  "type": "object",
  "additionalProperties": false,
  "required": ["id", "title", "language", "steps"],
  "properties": {
    "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$", "description": "Track id, used by `dojo track ID` and `dojo next --track ID`."},
    "title": {"type": "string"},
    "language": {"enum": ["zh-Hans", "zh-Hant", "en"]},
    "steps": {
      "type": "array",
      "minItems": 1,
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["kind"],
        "properties": {
          "kind": {"enum": ["guide", "drill", "scenario", "exam"], "description": "guide: read `dojo guide`; drill: a drill set; scenario: practice mode; exam: exam mode."},
          "id": {"type": "string", "description": "The drill set or scenario id (not for the guide)."},
          "pass": {"type": "integer", "minimum": 0, "maximum": 100, "description": "Pass mark: the total (drill: accuracy in percent) that passes the step. Default: the scenario's pass mark."}
        },
        "if": {"properties": {"kind": {"const": "guide"}}},
        "then": {"properties": {"id": false, "pass": false}},
        "else": {"required": ["id"]}
      }
    }
  }
}
"""#
}
