// The JSON Schema of scenario files: the source of docs/schema/scenario.schema.json, which is `dojo schema scenario`
// (a test checks they are identical, and that its keys are the ones the reader accepts).

extension JSONSchema {
    static let scenarioText = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://salesdojo.invalid/schema/scenario.schema.json",
  "title": "SalesDojo scenario",
  "description": "One role-play: a scripted buyer of one value type, turns the trainee answers in free text, branches that route the dialogue, and endings that teach. See docs/scenario-format.md; `dojo validate` also checks cross-references (goto targets, meter names, reachability) that this schema cannot.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "id",
    "title",
    "language",
    "type",
    "difficulty",
    "persona",
    "turns",
    "endings"
  ],
  "properties": {
    "id": {
      "$ref": "#/$defs/id",
      "description": "Scenario id, unique across the whole scenario folder (English versions end in `-en` by convention). Lower-case letters, digits and hyphens.",
      "examples": [
        "customer-a-lowest-quote",
        "customer-a-lowest-quote-en"
      ]
    },
    "title": {
      "type": "string",
      "minLength": 1,
      "pattern": "\\S",
      "description": "Title shown in lists (`dojo list`).",
      "examples": [
        "One Week to Decide: The Lowest Quote for 50,000 Tubes"
      ]
    },
    "language": {
      "type": "string",
      "enum": [
        "zh-Hans",
        "zh-Hant",
        "en"
      ],
      "description": "Language of every text in the file; also picks the UI language.",
      "enumDescriptions": [
        "Simplified Chinese",
        "Traditional Chinese",
        "English"
      ],
      "examples": [
        "zh-Hans",
        "en"
      ]
    },
    "type": {
      "$ref": "#/$defs/valueType",
      "description": "The buyer's value type: intrinsic (cost; transactional), extrinsic (use and service; consultative) or strategic (partnership; enterprise). `expect` should list tactics of this type.",
      "examples": [
        "intrinsic",
        "extrinsic",
        "strategic"
      ]
    },
    "difficulty": {
      "type": "integer",
      "minimum": 1,
      "maximum": 5,
      "description": "Honest difficulty, 1 (easy) to 5 (hard).",
      "examples": [
        2
      ]
    },
    "pass_mark": {
      "type": "integer",
      "minimum": 0,
      "maximum": 100,
      "description": "Pass mark for exam mode, 0–100. Optional; default 70.",
      "examples": [
        70
      ]
    },
    "persona": {
      "$ref": "#/$defs/persona",
      "description": "The buyer: `name`, `role`, `company`, `background` (all text, all required)."
    },
    "meters": {
      "type": "object",
      "description": "Optional bounded counters the dialogue moves (e.g. patience, trust), by name. Names are lower-case words (letters, digits, `_`); score, turn, and, or, not, used, mismatch, true and false are reserved.",
      "propertyNames": {
        "pattern": "^[a-z][a-z0-9_]*$",
        "not": {
          "enum": [
            "score",
            "turn",
            "and",
            "or",
            "not",
            "used",
            "mismatch",
            "true",
            "false"
          ]
        }
      },
      "patternProperties": {
        "^[a-z][a-z0-9_]*$": {
          "$ref": "#/$defs/meter"
        }
      },
      "additionalProperties": false,
      "examples": [
        {
          "patience": {
            "start": 3,
            "min": 0,
            "max": 5,
            "on_min": "buyer-left"
          },
          "trust": {
            "start": 1,
            "min": 0,
            "max": 6
          }
        }
      ]
    },
    "start": {
      "$ref": "#/$defs/id",
      "description": "Id of the first turn. Optional; defaults to the first turn listed.",
      "examples": [
        "opening"
      ]
    },
    "turns": {
      "type": "array",
      "minItems": 1,
      "items": {
        "$ref": "#/$defs/turn"
      },
      "description": "The buyer's turns. Turn and ending ids share one namespace and must be unique."
    },
    "endings": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/ending"
      },
      "description": "How the scenario can end; at least one `won` ending should be reachable."
    }
  },
  "$defs": {
    "id": {
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9-]*$",
      "description": "An id: lower-case letters, digits and hyphens, not starting with a hyphen."
    },
    "text": {
      "type": "string",
      "minLength": 1,
      "pattern": "\\S",
      "description": "Non-empty text."
    },
    "valueType": {
      "type": "string",
      "enum": [
        "intrinsic",
        "extrinsic",
        "strategic"
      ],
      "description": "The buyer's value type (Rackham & DeVincentis); `expect` should list tactics of this type.",
      "enumDescriptions": [
        "Cares about cost, knows the product, wants fewer sales steps (transactional selling).",
        "Cares about the product in use and value-added service (consultative selling).",
        "Wants an equal partner who creates value together (enterprise selling)."
      ],
      "examples": [
        "intrinsic"
      ]
    },
    "persona": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "role",
        "company",
        "background"
      ],
      "description": "The buyer. All four fields are required.",
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "pattern": "\\S",
          "description": "The buyer's name.",
          "examples": [
            "Wang Jianguo",
            "王建国"
          ]
        },
        "role": {
          "type": "string",
          "minLength": 1,
          "pattern": "\\S",
          "description": "The buyer's job title.",
          "examples": [
            "Purchasing Manager",
            "采购部经理"
          ]
        },
        "company": {
          "type": "string",
          "minLength": 1,
          "pattern": "\\S",
          "description": "The buyer's company.",
          "examples": [
            "Jiangdong Machinery Manufacturing Co., Ltd."
          ]
        },
        "background": {
          "type": "string",
          "minLength": 1,
          "pattern": "\\S",
          "description": "Who the buyer is and what they want; shown at the start of the session. A folded block (`>-`) suits long text."
        }
      }
    },
    "meter": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "start",
        "min",
        "max"
      ],
      "description": "A bounded counter. `min` must be below `max` and `start` within `min`…`max`; effects are clamped to the bounds.",
      "properties": {
        "start": {
          "type": "integer",
          "description": "Value at the start of the scenario (within min…max).",
          "examples": [
            3
          ]
        },
        "min": {
          "type": "integer",
          "description": "Lowest value (below `max`); reaching it fires `on_min`.",
          "examples": [
            0
          ]
        },
        "max": {
          "type": "integer",
          "description": "Highest value (above `min`); reaching it fires `on_max`.",
          "examples": [
            5
          ]
        },
        "on_min": {
          "$ref": "#/$defs/id",
          "description": "Optional: id of the ending fired when the meter reaches `min`.",
          "examples": [
            "buyer-left"
          ]
        },
        "on_max": {
          "$ref": "#/$defs/id",
          "description": "Optional: id of the ending fired when the meter reaches `max`.",
          "examples": [
            "deal-won"
          ]
        },
        "label": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "zh",
            "en"
          ],
          "description": "Optional: what the trainee sees instead of the meter's name, in Chinese and English.",
          "properties": {
            "zh": {
              "$ref": "#/$defs/text"
            },
            "en": {
              "$ref": "#/$defs/text"
            }
          },
          "examples": [
            {
              "zh": "预算压力",
              "en": "budget pressure"
            }
          ]
        }
      }
    },
    "tacticId": {
      "type": "string",
      "description": "A tactic id defined in Scenarios/playbooks/*.yaml: intrinsic (price-angle, volume-offer, differentiation-barrier, cut-sales-cost, channel-change, walk-away, new-product), extrinsic (team-value, early-education, inside-coach, influencer-mapping, needs-diagnosis, service-guidance, optimization-advice), strategic (mutual-value, extraordinary-value, beyond-plan-proposal, resource-sharing, equal-partnership, executive-alignment) or an anti-pattern (hard-sell, feature-push, premature-discount).",
      "enum": [
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
      ],
      "enumDescriptions": [
        "Intrinsic: open a gap through price — quantify what the buyer saves or gains (e.g. 'saves you 200,000 a year').",
        "Intrinsic: propose high-volume items — trade volume for a lower unit price, on conditions.",
        "Intrinsic: raise industry specificity and barriers — verifiable credentials that competitors cannot match.",
        "Intrinsic: cut the cost of sale — fewer visits and steps, savings passed on to the buyer.",
        "Intrinsic: change the channel — direct supply, online ordering, fewer intermediaries.",
        "Intrinsic: walk away to keep positioning — refuse a loss-making price.",
        "Intrinsic: recommend a new, more economical product or spec that meets the cost target.",
        "Extrinsic: show that the team creates value (engineers, service people the buyer can use).",
        "Extrinsic: the earlier the better — educate the customer before the requirements are fixed.",
        "Extrinsic: develop an inside coach in the buyer's organisation.",
        "Extrinsic: find who influences the buyer's decision.",
        "Extrinsic: diagnose needs first — ask before proposing.",
        "Extrinsic: service and guidance on using the product.",
        "Extrinsic: offer advice that optimises the buyer's process or use.",
        "Strategic: mutual value uplift — both sides gain.",
        "Strategic: create extraordinary value beyond the product.",
        "Strategic: propose beyond the buyer's current plan.",
        "Strategic: offer the resources you can share.",
        "Strategic: deal on an equal footing, as partners.",
        "Strategic: align both sides' executives.",
        "Anti-pattern: hard sell — pressure to decide or close now.",
        "Anti-pattern: feature push — pitching features and specs the buyer does not value.",
        "Anti-pattern: premature discount — an unconditional price cut as soon as pressed."
      ],
      "markdownEnumDescriptions": [
        "Intrinsic: open a gap through price — quantify what the buyer saves or gains (e.g. 'saves you 200,000 a year').",
        "Intrinsic: propose high-volume items — trade volume for a lower unit price, on conditions.",
        "Intrinsic: raise industry specificity and barriers — verifiable credentials that competitors cannot match.",
        "Intrinsic: cut the cost of sale — fewer visits and steps, savings passed on to the buyer.",
        "Intrinsic: change the channel — direct supply, online ordering, fewer intermediaries.",
        "Intrinsic: walk away to keep positioning — refuse a loss-making price.",
        "Intrinsic: recommend a new, more economical product or spec that meets the cost target.",
        "Extrinsic: show that the team creates value (engineers, service people the buyer can use).",
        "Extrinsic: the earlier the better — educate the customer before the requirements are fixed.",
        "Extrinsic: develop an inside coach in the buyer's organisation.",
        "Extrinsic: find who influences the buyer's decision.",
        "Extrinsic: diagnose needs first — ask before proposing.",
        "Extrinsic: service and guidance on using the product.",
        "Extrinsic: offer advice that optimises the buyer's process or use.",
        "Strategic: mutual value uplift — both sides gain.",
        "Strategic: create extraordinary value beyond the product.",
        "Strategic: propose beyond the buyer's current plan.",
        "Strategic: offer the resources you can share.",
        "Strategic: deal on an equal footing, as partners.",
        "Strategic: align both sides' executives.",
        "Anti-pattern: hard sell — pressure to decide or close now.",
        "Anti-pattern: feature push — pitching features and specs the buyer does not value.",
        "Anti-pattern: premature discount — an unconditional price cut as soon as pressed."
      ]
    },
    "tacticList": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/tacticId"
      },
      "description": "A list of tactic ids, e.g. `[price-angle, cut-sales-cost]` (a single id must still be written as a list)."
    },
    "turn": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "expect",
        "branches"
      ],
      "description": "One buyer line (or several variants) and what a good reply to it does. Give exactly one of `buyer` and `variants`.",
      "oneOf": [
        {
          "required": [
            "buyer"
          ],
          "not": {
            "required": [
              "variants"
            ]
          }
        },
        {
          "required": [
            "variants"
          ],
          "not": {
            "required": [
              "buyer"
            ]
          }
        }
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/id",
          "description": "The turn's id, a `goto` target.",
          "examples": [
            "opening",
            "closing"
          ]
        },
        "buyer": {
          "type": "string",
          "minLength": 1,
          "pattern": "\\S",
          "description": "The buyer's line. Use either `buyer` (one line) or `variants` (several), not both.",
          "examples": [
            "Just send me your quote. Whoever has the lowest price gets the order."
          ]
        },
        "variants": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/text"
          },
          "description": "Alternative buyer lines; one is picked per session. Use either `buyer` or `variants`, not both.",
          "examples": [
            [
              "Send me your lowest price.",
              "Whoever is cheapest wins."
            ]
          ]
        },
        "expect": {
          "$ref": "#/$defs/tacticList",
          "description": "Tactic ids a strong reply uses here, of the scenario's value type (others warn with DJ0103). Required; may be `[]`.",
          "examples": [
            [
              "price-angle",
              "cut-sales-cost"
            ]
          ]
        },
        "avoid": {
          "$ref": "#/$defs/tacticList",
          "description": "Optional: tactic ids that hurt here (off-type tactics, anti-patterns).",
          "examples": [
            [
              "team-value",
              "premature-discount"
            ]
          ]
        },
        "hint": {
          "type": "string",
          "minLength": 1,
          "pattern": "\\S",
          "description": "Optional coaching hint, shown by `/hint`."
        },
        "model_answer": {
          "type": "string",
          "minLength": 1,
          "pattern": "\\S",
          "description": "Optional: what a strong rep would say; shown after weak replies and on the scorecard."
        },
        "on": {
          "type": "object",
          "description": "Optional: reactions to tactics the reply uses, tactic id → reaction, in order of preference. The first used one is said instead of the branch's reaction when the branch leads to another turn and the reply did not mismatch the buyer's type (after an anti-pattern, only a reaction to that anti-pattern applies).",
          "propertyNames": {
            "$ref": "#/$defs/tacticId"
          },
          "additionalProperties": {
            "$ref": "#/$defs/reaction"
          },
          "examples": [
            {
              "walk-away": "You won't match? That's a firm line.",
              "price-angle": [
                "{money}? Put it in the quote.",
                "Put it in the quote."
              ]
            }
          ]
        },
        "branches": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/branch"
          },
          "description": "Ordered ways out of the turn; the first whose `when` holds is taken. End with a branch without `when` as the fallback."
        }
      }
    },
    "branch": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "goto"
      ],
      "description": "One way out of a turn: taken when its `when` holds (or always, without one).",
      "properties": {
        "when": {
          "type": [
            "string",
            "boolean"
          ],
          "minLength": 1,
          "pattern": "^\\s*[A-Za-z0-9_().<>=!-][A-Za-z0-9_\\s().<>=!-]*$",
          "description": "Condition for taking this branch; without `when` the branch always applies (the fallback — end every turn with one). Language: operands are numbers (42, -1, 70.5), `score` (this reply's score, 0–100), `turn` (replies so far, counting this one) and meter names (their value before this branch's effects); comparisons `<` `<=` `>` `>=` `==` `!=`; `used(tactic-id)` (the reply used that tactic); `mismatch` (the reply spoke to another value type than the buyer's); `true`/`false`; combine with `not` (tightest), `and`, `or` and parentheses. A bare number or meter is not a condition: write `trust >= 2`, not `trust`. Use `==`, not `=`; `and`/`or`, not `&&`/`||`. Names are checked against the scenario's meters and the playbooks' tactic ids when the file loads (`dojo validate`).",
          "examples": [
            "score >= 70 and used(price-angle)",
            "mismatch and patience <= 2",
            "used(premature-discount) or used(hard-sell)",
            "trust >= 4 and not used(executive-alignment)"
          ]
        },
        "effects": {
          "type": "object",
          "description": "Signed integer changes to meters declared under `meters:`, applied after the branch is chosen; meters are clamped to their bounds.",
          "propertyNames": {
            "pattern": "^[a-z][a-z0-9_]*$"
          },
          "patternProperties": {
            "^[a-z][a-z0-9_]*$": {
              "type": "integer",
              "description": "Signed change to this meter.",
              "examples": [
                1,
                -2
              ]
            }
          },
          "additionalProperties": false,
          "examples": [
            {
              "trust": 1
            },
            {
              "trust": -1,
              "patience": -1
            }
          ]
        },
        "reaction": {
          "$ref": "#/$defs/reaction",
          "description": "Optional: the buyer's immediate reaction (a line, or lines with placeholders and a fallback)."
        },
        "goto": {
          "$ref": "#/$defs/id",
          "description": "Id of the next turn or of an ending.",
          "examples": [
            "closing",
            "deal-won"
          ]
        }
      }
    },
    "ending": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "kind",
        "title",
        "debrief"
      ],
      "description": "How the scenario can end, with the lesson to take away. All four fields are required.",
      "properties": {
        "id": {
          "$ref": "#/$defs/id",
          "description": "The ending's id, a `goto`/`on_min`/`on_max` target.",
          "examples": [
            "deal-won",
            "deal-lost",
            "buyer-left"
          ]
        },
        "kind": {
          "type": "string",
          "enum": [
            "won",
            "lost",
            "left"
          ],
          "description": "Won, lost, or left (the buyer ran out of patience).",
          "enumDescriptions": [
            "The deal (or the next step) is won.",
            "The buyer goes with someone else.",
            "The buyer runs out of patience and leaves."
          ],
          "examples": [
            "won"
          ]
        },
        "title": {
          "type": "string",
          "minLength": 1,
          "pattern": "\\S",
          "description": "A short title for the ending.",
          "examples": [
            "The 50,000-piece order is yours"
          ]
        },
        "debrief": {
          "type": "string",
          "minLength": 1,
          "pattern": "\\S",
          "description": "What the trainee should take away; teach the strategy for the buyer's type."
        }
      }
    },
    "reaction": {
      "description": "The buyer's reaction: one line, or a list of lines of which the first whose placeholders the reply can fill is said (end the list with a line without placeholders, the fallback). Placeholders take the rep's own words: {money}, {percent}, {duration} (the first such figure in the reply) and {evidence} (the words that earned the tactic). Never write a figure the rep did not say (DJ0106).",
      "oneOf": [
        {
          "$ref": "#/$defs/reactionLine"
        },
        {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/reactionLine"
          }
        }
      ],
      "examples": [
        "Fine, no visit suits me. The quote will tell.",
        [
          "{money}? Put that figure in the quote.",
          "Put it in the quote and I'll check it myself."
        ]
      ]
    },
    "reactionLine": {
      "type": "string",
      "minLength": 1,
      "pattern": "\\S",
      "description": "One reaction line; may use {money}, {percent}, {duration}, {evidence}."
    }
  }
}
"""#
}
