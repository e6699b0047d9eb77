// The JSON Schema of playbook files: the source of docs/schema/playbook.schema.json, which is `dojo schema playbook`
// (a test checks they are identical, and that its keys are the ones the reader accepts).

extension JSONSchema {
    static let playbookText = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://salesdojo.invalid/schema/playbook.schema.json",
  "title": "SalesDojo playbook",
  "description": "The tactics that fit one value type (or, with `type: any`, the anti-patterns), with the cue phrases that show a tactic in a reply. See docs/scenario-format.md.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "type",
    "name",
    "mode",
    "summary",
    "tactics"
  ],
  "properties": {
    "type": {
      "type": "string",
      "enum": [
        "intrinsic",
        "extrinsic",
        "strategic",
        "any"
      ],
      "description": "The value type these tactics speak to, or `any` for the anti-patterns file.",
      "enumDescriptions": [
        "Intrinsic value: transactional selling.",
        "Extrinsic value: consultative selling.",
        "Strategic value: enterprise selling.",
        "Anti-patterns that hurt with every buyer."
      ],
      "examples": [
        "intrinsic",
        "any"
      ]
    },
    "name": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "zh",
        "en"
      ],
      "description": "Display name of the value type, in Chinese and English.",
      "properties": {
        "zh": {
          "type": "string",
          "minLength": 1,
          "pattern": "\\S",
          "description": "Chinese (Simplified) text."
        },
        "en": {
          "type": "string",
          "minLength": 1,
          "pattern": "\\S",
          "description": "English text."
        }
      },
      "examples": [
        {
          "zh": "内在价值型",
          "en": "Intrinsic value"
        }
      ]
    },
    "mode": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "zh",
        "en"
      ],
      "description": "The selling mode for this type, in Chinese and English.",
      "properties": {
        "zh": {
          "type": "string",
          "minLength": 1,
          "pattern": "\\S",
          "description": "Chinese (Simplified) text."
        },
        "en": {
          "type": "string",
          "minLength": 1,
          "pattern": "\\S",
          "description": "English text."
        }
      },
      "examples": [
        {
          "zh": "交易型销售",
          "en": "Transactional selling"
        }
      ]
    },
    "summary": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "zh",
        "en"
      ],
      "description": "Who these buyers are and how they buy, in Chinese and English.",
      "properties": {
        "zh": {
          "type": "string",
          "minLength": 1,
          "pattern": "\\S",
          "description": "Chinese (Simplified) text."
        },
        "en": {
          "type": "string",
          "minLength": 1,
          "pattern": "\\S",
          "description": "English text."
        }
      }
    },
    "profile": {
      "$ref": "#/$defs/profile",
      "description": "Optional buyer profile for this value type, shown by `dojo guide`: what these buyers value, how they buy, what to avoid, a sample dialogue and the words that point to the type. Every field is required when `profile` is given."
    },
    "tactics": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/tactic"
      },
      "description": "The tactics (or anti-patterns). Tactic ids are unique across all playbooks."
    }
  },
  "$defs": {
    "localized": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "zh",
        "en"
      ],
      "description": "Text in Chinese (Simplified) and English.",
      "properties": {
        "zh": {
          "$ref": "#/$defs/text",
          "description": "Chinese (Simplified) text."
        },
        "en": {
          "$ref": "#/$defs/text",
          "description": "English text."
        }
      }
    },
    "text": {
      "type": "string",
      "minLength": 1,
      "pattern": "\\S",
      "description": "Non-empty text."
    },
    "cue": {
      "type": "string",
      "minLength": 1,
      "pattern": "^([^{}]|\\{(money|percent|number|duration|question)\\})*$",
      "description": "A cue: a literal phrase (never a regular expression), matched case-insensitively after normalisation (full-width → half-width, Traditional → Simplified; write Chinese cues in Simplified). Slots: `{money}` (20万元, ¥200,000, $30k), `{percent}` (8%, 百分之十五, 八折, 15 percent), `{number}` (any number, Arabic or Chinese), `{duration}` (三个月, 2 weeks, 一周内), `{question}` (a question mark or particle). ` ... ` (with spaces) means 'followed, later in the same sentence, by'; no part around it may be empty. Write positive phrases; negation is handled by the evaluator.",
      "examples": [
        "save you {money}",
        "节约 ... {money}",
        "成本降低 ... {percent}",
        "lowest quote"
      ]
    },
    "cues": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/cue"
      }
    },
    "texts": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/text"
      }
    },
    "tactic": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "name",
        "description",
        "cues",
        "model_answers"
      ],
      "description": "One tactic with the evidence that shows it in a reply.",
      "properties": {
        "id": {
          "type": "string",
          "pattern": "^[a-z0-9][a-z0-9-]*$",
          "description": "Canonical tactic id, used in scenarios' `expect`, `avoid` and `used(...)`. Lower-case letters, digits and hyphens.",
          "examples": [
            "price-angle",
            "volume-offer",
            "differentiation-barrier",
            "cut-sales-cost",
            "channel-change",
            "walk-away",
            "new-product",
            "team-value",
            "early-education",
            "inside-coach",
            "influencer-mapping",
            "needs-diagnosis",
            "service-guidance",
            "optimization-advice",
            "mutual-value",
            "extraordinary-value",
            "beyond-plan-proposal",
            "resource-sharing",
            "equal-partnership",
            "executive-alignment",
            "hard-sell",
            "feature-push",
            "premature-discount"
          ]
        },
        "name": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "zh",
            "en"
          ],
          "description": "Display name of the tactic.",
          "properties": {
            "zh": {
              "type": "string",
              "minLength": 1,
              "pattern": "\\S",
              "description": "Chinese (Simplified) text."
            },
            "en": {
              "type": "string",
              "minLength": 1,
              "pattern": "\\S",
              "description": "English text."
            }
          },
          "examples": [
            {
              "zh": "从价格打开缺口",
              "en": "Open a gap through price"
            }
          ]
        },
        "description": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "zh",
            "en"
          ],
          "description": "What the tactic is and when it works.",
          "properties": {
            "zh": {
              "type": "string",
              "minLength": 1,
              "pattern": "\\S",
              "description": "Chinese (Simplified) text."
            },
            "en": {
              "type": "string",
              "minLength": 1,
              "pattern": "\\S",
              "description": "English text."
            }
          }
        },
        "cues": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "zh",
            "en"
          ],
          "description": "Cue phrases that credit a reply with this tactic, per language. Literal text with slots {money} {percent} {number} {duration} {question} and ` ... ` gaps.",
          "properties": {
            "zh": {
              "$ref": "#/$defs/cues",
              "description": "Chinese cues (write them in Simplified).",
              "examples": [
                [
                  "节约 ... {money}",
                  "降低 ... 采购成本"
                ]
              ]
            },
            "en": {
              "$ref": "#/$defs/cues",
              "description": "English cues.",
              "examples": [
                [
                  "save you ... {money}",
                  "lowest quote"
                ]
              ]
            }
          }
        },
        "model_answers": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "zh",
            "en"
          ],
          "description": "Model answers that use the tactic, per language.",
          "properties": {
            "zh": {
              "$ref": "#/$defs/texts",
              "description": "Chinese model answers."
            },
            "en": {
              "$ref": "#/$defs/texts",
              "description": "English model answers."
            }
          }
        },
        "examples": {
          "type": "object",
          "additionalProperties": false,
          "description": "Optional test replies; the test suite checks them against the evaluator.",
          "properties": {
            "match": {
              "$ref": "#/$defs/texts",
              "description": "Replies that must be credited with this tactic.",
              "examples": [
                [
                  "Switching to us would save you $30k a year."
                ]
              ]
            },
            "no_match": {
              "$ref": "#/$defs/texts",
              "description": "Replies that must not be credited with it.",
              "examples": [
                [
                  "We won't cut the price."
                ]
              ]
            }
          }
        }
      }
    },
    "profile": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "values",
        "buying",
        "avoid",
        "dialogue",
        "criteria"
      ],
      "description": "The buyer profile of a value type.",
      "properties": {
        "values": {
          "$ref": "#/$defs/localized",
          "description": "What these buyers value."
        },
        "buying": {
          "$ref": "#/$defs/localized",
          "description": "How they buy."
        },
        "avoid": {
          "$ref": "#/$defs/localized",
          "description": "What puts them off."
        },
        "dialogue": {
          "type": "array",
          "description": "Sample exchanges: a buyer line and a rep reply that fits the type.",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "buyer",
              "rep"
            ],
            "properties": {
              "buyer": {
                "$ref": "#/$defs/localized",
                "description": "What the buyer says."
              },
              "rep": {
                "$ref": "#/$defs/localized",
                "description": "A reply that fits."
              }
            }
          }
        },
        "criteria": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "zh",
            "en"
          ],
          "description": "Words and phrases in a buyer's line that point to this value type, per language; cue syntax (slots and ` ... ` gaps).",
          "properties": {
            "zh": {
              "$ref": "#/$defs/cues",
              "description": "Chinese phrases (write them in Simplified)."
            },
            "en": {
              "$ref": "#/$defs/cues",
              "description": "English phrases."
            }
          }
        }
      }
    }
  }
}
"""#
}
