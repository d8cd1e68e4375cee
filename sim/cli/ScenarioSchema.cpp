// The JSON Schema of scenario files, kept by hand in step with the loader (scenario/Load*.cpp, ObjectReader.cpp).
#include "cli/ScenarioSchema.hpp"

namespace stormsim {

// NOTE: the loader is the authority. When it learns a key, a kind or a unit, add it here too. The ctest test
// schema_validates_scenarios fails when a file in scenarios/ uses something this schema does not describe.
const char* scenario_schema()
{
  return R"schema({
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "stormsim scenario",
  "description": "A stormsim scenario file. stormsim itself also accepts // and /* */ comments, which JSON Schema validators do not read, and checks what a schema cannot: that referenced ids exist, ids are unique and times are in order.",
  "type": "object",
  "required": [
    "name",
    "start",
    "duration",
    "seed"
  ],
  "additionalProperties": false,
  "properties": {
    "$schema": {
      "type": "string"
    },
    "name": {
      "type": "string"
    },
    "description": {
      "type": "string"
    },
    "start": {
      "$ref": "#/definitions/dateTime"
    },
    "duration": {
      "$ref": "#/definitions/duration"
    },
    "seed": {
      "type": "integer",
      "minimum": 0,
      "maximum": 9223372036854775807
    },
    "limits": {
      "type": "object",
      "properties": {
        "max_events": {
          "type": "integer",
          "minimum": 1,
          "maximum": 9223372036854775807
        },
        "max_memory_mb": {
          "type": "integer",
          "minimum": 16,
          "maximum": 1000000000
        }
      },
      "additionalProperties": false
    },
    "sources": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/source"
      }
    },
    "connectors": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/connector"
      }
    },
    "lists": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/list"
      }
    },
    "mailboxes": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/mailbox"
      }
    },
    "flows": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/flow"
      }
    },
    "faults": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/fault"
      }
    },
    "transport": {
      "$ref": "#/definitions/transport"
    },
    "operator": {
      "$ref": "#/definitions/operator"
    },
    "guards": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/guard"
      }
    },
    "expect": {
      "$ref": "#/definitions/expect"
    },
    "variants": {
      "type": "object",
      "description": "Named JSON merge patches (RFC 7396) of this scenario",
      "propertyNames": {
        "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]*$"
      },
      "additionalProperties": {
        "type": "object"
      }
    }
  },
  "definitions": {
    "randomOutages": {
      "type": "object",
      "description": "Outages at random: starts of a Poisson process at this rate, each lasting the duration",
      "properties": {
        "rate": {
          "$ref": "#/definitions/rate"
        },
        "duration": {
          "$ref": "#/definitions/duration"
        }
      },
      "additionalProperties": false,
      "required": [
        "rate",
        "duration"
      ]
    },
    "outageWindows": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "from": {
            "$ref": "#/definitions/timePoint"
          },
          "until": {
            "$ref": "#/definitions/timePoint"
          }
        },
        "additionalProperties": false,
        "required": [
          "from",
          "until"
        ]
      }
    },
    "id": {
      "type": "string",
      "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]*$",
      "description": "Letters, digits, '-', '_' or '.', starting with a letter or digit"
    },
    "reference": {
      "type": "string",
      "description": "The id of a component defined elsewhere in the scenario"
    },
    "references": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/reference"
      }
    },
    "duration": {
      "type": "string",
      "pattern": "^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$",
      "description": "A duration such as \"250ms\", \"90s\", \"10m\", \"4h\" or \"2d\""
    },
    "rate": {
      "type": "string",
      "pattern": "^[0-9]+(\\.[0-9]+)?/(s|sec|second|min|minute|h|hour|day|[0-9]+(\\.[0-9]+)?(ms|s|m|h|d))$",
      "description": "A count per window such as \"30/min\", \"10/10s\" or \"10000/24h\""
    },
    "clock": {
      "type": "string",
      "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
    },
    "dateTime": {
      "type": "string",
      "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
      "description": "A date and time without a time zone, such as \"2017-10-12T00:00:00\""
    },
    "timePoint": {
      "type": "string",
      "pattern": "^(([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?|[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?|\\+[0-9]+(\\.[0-9]+)?(ms|s|m|h|d))$",
      "description": "A clock time (\"02:15\", the next time the clock reads so), a date-time, or \"+\" and a duration from the start (\"+90m\")"
    },
    "distribution": {
      "description": "A duration, or a random duration: {\"dist\": \"uniform\", \"min\": \"1s\", \"max\": \"3s\"}",
      "oneOf": [
        {
          "$ref": "#/definitions/duration"
        },
        {
          "type": "object",
          "properties": {
            "dist": {
              "const": "constant"
            },
            "value": {
              "$ref": "#/definitions/duration"
            }
          },
          "additionalProperties": false,
          "required": [
            "dist",
            "value"
          ]
        },
        {
          "type": "object",
          "properties": {
            "dist": {
              "const": "uniform"
            },
            "min": {
              "$ref": "#/definitions/duration"
            },
            "max": {
              "$ref": "#/definitions/duration"
            }
          },
          "additionalProperties": false,
          "required": [
            "dist",
            "min",
            "max"
          ]
        },
        {
          "type": "object",
          "properties": {
            "dist": {
              "const": "exponential"
            },
            "mean": {
              "$ref": "#/definitions/duration"
            }
          },
          "additionalProperties": false,
          "required": [
            "dist",
            "mean"
          ]
        }
      ]
    },
    "probability": {
      "type": "number",
      "minimum": 0,
      "maximum": 1
    },
    "arrivals": {
      "type": "object",
      "required": [
        "kind"
      ],
      "properties": {
        "kind": {
          "enum": [
            "none",
            "poisson",
            "schedule"
          ]
        }
      },
      "allOf": [
        {
          "if": {
            "properties": {
              "kind": {
                "const": "none"
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "kind": {}
            },
            "additionalProperties": false
          }
        },
        {
          "if": {
            "properties": {
              "kind": {
                "const": "poisson"
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "kind": {},
              "rate": {
                "$ref": "#/definitions/rate"
              },
              "surges": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "from": {
                      "$ref": "#/definitions/timePoint"
                    },
                    "until": {
                      "$ref": "#/definitions/timePoint"
                    },
                    "factor": {
                      "type": "number",
                      "minimum": 0.001,
                      "maximum": 1000000.0
                    }
                  },
                  "additionalProperties": false,
                  "required": [
                    "from",
                    "until"
                  ]
                }
              }
            },
            "additionalProperties": false,
            "required": [
              "rate"
            ]
          }
        },
        {
          "if": {
            "properties": {
              "kind": {
                "const": "schedule"
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "kind": {},
              "at": {
                "type": "array",
                "items": {
                  "$ref": "#/definitions/timePoint"
                }
              }
            },
            "additionalProperties": false
          }
        }
      ]
    },
    "source": {
      "type": "object",
      "properties": {
        "id": {
          "$ref": "#/definitions/id"
        },
        "arrivals": {
          "$ref": "#/definitions/arrivals"
        },
        "history": {
          "type": "integer",
          "minimum": 0,
          "maximum": 10000000
        },
        "recipient_prefix": {
          "type": "string"
        },
        "pending": {
          "type": "integer",
          "minimum": 0,
          "maximum": 10000000
        },
        "every": {
          "$ref": "#/definitions/duration"
        },
        "first_tick": {
          "$ref": "#/definitions/timePoint"
        }
      },
      "additionalProperties": false,
      "required": [
        "id"
      ]
    },
    "connector": {
      "type": "object",
      "properties": {
        "id": {
          "$ref": "#/definitions/id"
        },
        "model": {
          "type": "string"
        },
        "kind": {
          "enum": [
            "webhook",
            "polling"
          ]
        },
        "source": {
          "$ref": "#/definitions/reference"
        },
        "latency": {
          "$ref": "#/definitions/distribution"
        },
        "timeout": {
          "$ref": "#/definitions/duration"
        },
        "ack_latency": {
          "$ref": "#/definitions/distribution"
        },
        "retry": {
          "oneOf": [
            {
              "type": "object",
              "properties": {
                "delays": {
                  "type": "array",
                  "items": {
                    "$ref": "#/definitions/duration"
                  }
                }
              },
              "additionalProperties": false,
              "required": [
                "delays"
              ]
            },
            {
              "type": "object",
              "properties": {
                "count": {
                  "type": "integer",
                  "minimum": 0,
                  "maximum": 1000
                },
                "first": {
                  "$ref": "#/definitions/duration"
                },
                "factor": {
                  "type": "number",
                  "minimum": 1,
                  "maximum": 100
                },
                "max_interval": {
                  "$ref": "#/definitions/duration"
                }
              },
              "additionalProperties": false,
              "required": [
                "count"
              ]
            }
          ]
        },
        "duplicates": {
          "type": "object",
          "properties": {
            "probability": {
              "$ref": "#/definitions/probability"
            },
            "copies": {
              "type": "object",
              "properties": {
                "tail": {
                  "type": "number",
                  "minimum": 0.1,
                  "maximum": 10
                },
                "max": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 100000
                }
              },
              "additionalProperties": false,
              "required": [
                "tail",
                "max"
              ]
            },
            "spread": {
              "$ref": "#/definitions/duration"
            }
          },
          "additionalProperties": false,
          "required": [
            "probability"
          ]
        },
        "interval": {
          "$ref": "#/definitions/duration"
        },
        "batch": {
          "type": "integer",
          "minimum": 1,
          "maximum": 10000000
        },
        "state": {
          "enum": [
            "cursor",
            "seen_ids"
          ]
        },
        "seen_capacity": {
          "type": "integer",
          "minimum": 1,
          "maximum": 1000000000
        }
      },
      "additionalProperties": false,
      "required": [
        "id",
        "source"
      ],
      "allOf": [
        {
          "if": {
            "properties": {
              "kind": {
                "const": "polling"
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "not": {
              "anyOf": [
                {
                  "required": [
                    "timeout"
                  ]
                },
                {
                  "required": [
                    "ack_latency"
                  ]
                },
                {
                  "required": [
                    "retry"
                  ]
                },
                {
                  "required": [
                    "duplicates"
                  ]
                }
              ]
            }
          }
        },
        {
          "if": {
            "properties": {
              "kind": {
                "const": "webhook"
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "not": {
              "anyOf": [
                {
                  "required": [
                    "interval"
                  ]
                },
                {
                  "required": [
                    "batch"
                  ]
                },
                {
                  "required": [
                    "state"
                  ]
                },
                {
                  "required": [
                    "seen_capacity"
                  ]
                }
              ]
            }
          }
        }
      ]
    },
    "list": {
      "type": "object",
      "properties": {
        "id": {
          "$ref": "#/definitions/id"
        },
        "source": {
          "$ref": "#/definitions/reference"
        },
        "trigger_latency": {
          "$ref": "#/definitions/distribution"
        }
      },
      "additionalProperties": false,
      "required": [
        "id"
      ]
    },
    "mailbox": {
      "type": "object",
      "properties": {
        "id": {
          "$ref": "#/definitions/id"
        },
        "model": {
          "type": "string"
        },
        "send_limit": {
          "$ref": "#/definitions/rate"
        },
        "throttle": {
          "enum": [
            "window",
            "smooth"
          ]
        },
        "recipient_limit": {
          "$ref": "#/definitions/rate"
        },
        "auto_reply_hop_limit": {
          "type": "integer",
          "minimum": 0,
          "maximum": 255
        },
        "reply_all_storm_protection": {
          "type": "object",
          "properties": {
            "enabled": {
              "type": "boolean"
            },
            "min_recipients": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000000
            },
            "min_replies": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000000
            },
            "window": {
              "$ref": "#/definitions/duration"
            },
            "block": {
              "$ref": "#/definitions/duration"
            }
          },
          "additionalProperties": false
        },
        "auto_reply": {
          "type": "object",
          "properties": {
            "enabled": {
              "type": "boolean"
            },
            "latency": {
              "$ref": "#/definitions/distribution"
            },
            "once_per_sender": {
              "type": "boolean"
            }
          },
          "additionalProperties": false
        },
        "mail_trigger": {
          "type": "object",
          "properties": {
            "source": {
              "$ref": "#/definitions/reference"
            },
            "matches_sent_mail": {
              "type": "boolean"
            },
            "skip_senders": {
              "$ref": "#/definitions/references"
            },
            "skip_auto_replies": {
              "type": "boolean"
            }
          },
          "additionalProperties": false,
          "required": [
            "source"
          ]
        },
        "human_mail": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "to": {
                "$ref": "#/definitions/reference"
              },
              "at": {
                "type": "array",
                "items": {
                  "$ref": "#/definitions/timePoint"
                }
              },
              "rate": {
                "$ref": "#/definitions/rate"
              }
            },
            "additionalProperties": false,
            "required": [
              "to"
            ],
            "anyOf": [
              {
                "required": [
                  "at"
                ]
              },
              {
                "required": [
                  "rate"
                ]
              }
            ]
          }
        },
        "distribution_list": {
          "type": "object",
          "properties": {
            "members": {
              "type": "integer",
              "minimum": 2,
              "maximum": 1000000
            },
            "first_message": {
              "$ref": "#/definitions/timePoint"
            },
            "reply_probability": {
              "$ref": "#/definitions/probability"
            },
            "reply_delay": {
              "$ref": "#/definitions/distribution"
            },
            "normal_replies": {
              "type": "integer",
              "minimum": 0,
              "maximum": 1000000
            }
          },
          "additionalProperties": false,
          "required": [
            "members",
            "first_message",
            "reply_probability"
          ]
        },
        "random_outages": {
          "$ref": "#/definitions/randomOutages"
        },
        "outages": {
          "$ref": "#/definitions/outageWindows"
        }
      },
      "additionalProperties": false,
      "required": [
        "id"
      ],
      "anyOf": [
        {
          "required": [
            "model"
          ]
        },
        {
          "required": [
            "send_limit"
          ]
        }
      ]
    },
    "stepRetry": {
      "type": "object",
      "required": [
        "type"
      ],
      "properties": {
        "type": {
          "enum": [
            "none",
            "fixed",
            "exponential"
          ]
        }
      },
      "allOf": [
        {
          "if": {
            "properties": {
              "type": {
                "const": "none"
              }
            }
          },
          "then": {
            "type": "object",
            "properties": {
              "type": {}
            },
            "additionalProperties": false
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "fixed"
              }
            }
          },
          "then": {
            "type": "object",
            "properties": {
              "type": {},
              "count": {
                "type": "integer",
                "minimum": 0,
                "maximum": 1000
              },
              "interval": {
                "$ref": "#/definitions/duration"
              }
            },
            "additionalProperties": false,
            "required": [
              "count",
              "interval"
            ]
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "exponential"
              }
            }
          },
          "then": {
            "type": "object",
            "properties": {
              "type": {},
              "count": {
                "type": "integer",
                "minimum": 0,
                "maximum": 1000
              },
              "interval": {
                "$ref": "#/definitions/duration"
              },
              "min_interval": {
                "$ref": "#/definitions/duration"
              },
              "max_interval": {
                "$ref": "#/definitions/duration"
              }
            },
            "additionalProperties": false,
            "required": [
              "count",
              "interval"
            ]
          }
        }
      ]
    },
    "step": {
      "type": "object",
      "required": [
        "kind"
      ],
      "properties": {
        "kind": {
          "enum": [
            "send_email",
            "write_list_item"
          ]
        }
      },
      "allOf": [
        {
          "if": {
            "properties": {
              "kind": {
                "const": "send_email"
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "kind": {},
              "latency": {
                "$ref": "#/definitions/distribution"
              },
              "failure_probability": {
                "$ref": "#/definitions/probability"
              },
              "timeout_after_commit": {
                "$ref": "#/definitions/probability"
              },
              "retry": {
                "$ref": "#/definitions/stepRetry"
              },
              "mailbox": {
                "$ref": "#/definitions/reference"
              },
              "group": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "members": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 10000000
                  },
                  "invalid_members": {
                    "type": "integer",
                    "minimum": 0
                  }
                },
                "additionalProperties": false,
                "required": [
                  "id",
                  "members"
                ]
              }
            },
            "additionalProperties": false,
            "required": [
              "mailbox"
            ]
          }
        },
        {
          "if": {
            "properties": {
              "kind": {
                "const": "write_list_item"
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "kind": {},
              "latency": {
                "$ref": "#/definitions/distribution"
              },
              "failure_probability": {
                "$ref": "#/definitions/probability"
              },
              "timeout_after_commit": {
                "$ref": "#/definitions/probability"
              },
              "retry": {
                "$ref": "#/definitions/stepRetry"
              },
              "list": {
                "$ref": "#/definitions/reference"
              }
            },
            "additionalProperties": false,
            "required": [
              "list"
            ]
          }
        }
      ]
    },
    "flow": {
      "type": "object",
      "properties": {
        "id": {
          "$ref": "#/definitions/id"
        },
        "model": {
          "type": "string"
        },
        "retry": {
          "$ref": "#/definitions/stepRetry"
        },
        "trigger": {
          "$ref": "#/definitions/reference"
        },
        "trigger_list": {
          "$ref": "#/definitions/reference"
        },
        "account": {
          "type": "string"
        },
        "trigger_condition": {
          "enum": [
            "none",
            "skip_own_changes"
          ]
        },
        "steps": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/step"
          },
          "minItems": 1
        },
        "max_parallel_runs": {
          "type": "integer",
          "minimum": 0,
          "maximum": 1000000
        },
        "random_outages": {
          "$ref": "#/definitions/randomOutages"
        },
        "outages": {
          "$ref": "#/definitions/outageWindows"
        }
      },
      "additionalProperties": false,
      "required": [
        "id",
        "steps"
      ],
      "oneOf": [
        {
          "required": [
            "trigger"
          ]
        },
        {
          "required": [
            "trigger_list"
          ]
        }
      ]
    },
    "fault": {
      "type": "object",
      "required": [
        "id",
        "kind",
        "connector"
      ],
      "properties": {
        "kind": {
          "enum": [
            "replay",
            "outage",
            "latency_spike",
            "cursor_reset",
            "seen_ids_loss",
            "id_format_change"
          ]
        }
      },
      "allOf": [
        {
          "if": {
            "properties": {
              "kind": {
                "const": "replay"
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "id": {
                "$ref": "#/definitions/id"
              },
              "kind": {},
              "connector": {
                "$ref": "#/definitions/reference"
              },
              "at": {
                "$ref": "#/definitions/timePoint"
              },
              "until": {
                "$ref": "#/definitions/timePoint"
              },
              "loop": {
                "type": "boolean"
              },
              "rate": {
                "$ref": "#/definitions/rate"
              },
              "last": {
                "type": "integer",
                "minimum": 1,
                "maximum": 100000000
              }
            },
            "additionalProperties": false,
            "required": [
              "at",
              "rate"
            ]
          }
        },
        {
          "if": {
            "properties": {
              "kind": {
                "const": "outage"
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "id": {
                "$ref": "#/definitions/id"
              },
              "kind": {},
              "connector": {
                "$ref": "#/definitions/reference"
              },
              "at": {
                "$ref": "#/definitions/timePoint"
              },
              "until": {
                "$ref": "#/definitions/timePoint"
              },
              "random": {
                "type": "object",
                "properties": {
                  "rate": {
                    "$ref": "#/definitions/rate"
                  },
                  "duration": {
                    "$ref": "#/definitions/duration"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "rate",
                  "duration"
                ]
              }
            },
            "additionalProperties": false,
            "anyOf": [
              {
                "required": [
                  "at"
                ]
              },
              {
                "required": [
                  "random"
                ]
              }
            ]
          }
        },
        {
          "if": {
            "properties": {
              "kind": {
                "const": "latency_spike"
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "id": {
                "$ref": "#/definitions/id"
              },
              "kind": {},
              "connector": {
                "$ref": "#/definitions/reference"
              },
              "at": {
                "$ref": "#/definitions/timePoint"
              },
              "until": {
                "$ref": "#/definitions/timePoint"
              },
              "random": {
                "type": "object",
                "properties": {
                  "rate": {
                    "$ref": "#/definitions/rate"
                  },
                  "duration": {
                    "$ref": "#/definitions/duration"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "rate",
                  "duration"
                ]
              },
              "factor": {
                "type": "number",
                "minimum": 0.001,
                "maximum": 1000000.0
              }
            },
            "additionalProperties": false,
            "required": [
              "factor"
            ],
            "anyOf": [
              {
                "required": [
                  "at"
                ]
              },
              {
                "required": [
                  "random"
                ]
              }
            ]
          }
        },
        {
          "if": {
            "properties": {
              "kind": {
                "const": "cursor_reset"
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "id": {
                "$ref": "#/definitions/id"
              },
              "kind": {},
              "connector": {
                "$ref": "#/definitions/reference"
              },
              "at": {
                "$ref": "#/definitions/timePoint"
              },
              "random": {
                "type": "object",
                "properties": {
                  "rate": {
                    "$ref": "#/definitions/rate"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "rate"
                ]
              },
              "last": {
                "type": "integer",
                "minimum": 1,
                "maximum": 100000000
              },
              "since": {
                "$ref": "#/definitions/timePoint"
              }
            },
            "additionalProperties": false,
            "anyOf": [
              {
                "required": [
                  "at"
                ]
              },
              {
                "required": [
                  "random"
                ]
              }
            ],
            "not": {
              "required": [
                "last",
                "since"
              ]
            }
          }
        },
        {
          "if": {
            "properties": {
              "kind": {
                "enum": [
                  "seen_ids_loss",
                  "id_format_change"
                ]
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "id": {
                "$ref": "#/definitions/id"
              },
              "kind": {},
              "connector": {
                "$ref": "#/definitions/reference"
              },
              "at": {
                "$ref": "#/definitions/timePoint"
              },
              "random": {
                "type": "object",
                "properties": {
                  "rate": {
                    "$ref": "#/definitions/rate"
                  }
                },
                "additionalProperties": false,
                "required": [
                  "rate"
                ]
              }
            },
            "additionalProperties": false,
            "anyOf": [
              {
                "required": [
                  "at"
                ]
              },
              {
                "required": [
                  "random"
                ]
              }
            ]
          }
        }
      ]
    },
    "rule": {
      "type": "object",
      "properties": {
        "id": {
          "$ref": "#/definitions/id"
        },
        "sender": {
          "$ref": "#/definitions/reference"
        },
        "flow": {
          "$ref": "#/definitions/reference"
        },
        "step": {
          "type": "integer",
          "minimum": 0,
          "maximum": 1000000
        },
        "recipient_prefix": {
          "type": "string"
        },
        "action": {
          "enum": [
            "block",
            "reject",
            "quarantine"
          ]
        }
      },
      "additionalProperties": false,
      "required": [
        "id"
      ]
    },
    "transport": {
      "type": "object",
      "properties": {
        "rule_activation_delay": {
          "$ref": "#/definitions/distribution"
        },
        "rules": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "id": {
                "$ref": "#/definitions/id"
              },
              "sender": {
                "$ref": "#/definitions/reference"
              },
              "flow": {
                "$ref": "#/definitions/reference"
              },
              "step": {
                "type": "integer",
                "minimum": 0,
                "maximum": 1000000
              },
              "recipient_prefix": {
                "type": "string"
              },
              "action": {
                "enum": [
                  "block",
                  "reject",
                  "quarantine"
                ]
              },
              "from": {
                "$ref": "#/definitions/timePoint"
              }
            },
            "additionalProperties": false,
            "required": [
              "id"
            ]
          }
        }
      },
      "additionalProperties": false
    },
    "playbookAction": {
      "type": "object",
      "required": [
        "action"
      ],
      "properties": {
        "after": {
          "$ref": "#/definitions/duration"
        },
        "action": {
          "enum": [
            "disable_flow",
            "enable_flow",
            "delete_flow",
            "add_transport_rule",
            "purge_mailbox",
            "delete_mailbox",
            "hold_mailbox",
            "release_mailbox",
            "release_held",
            "discard_held",
            "reset_guard",
            "release_quarantine",
            "purge_quarantine"
          ]
        }
      },
      "allOf": [
        {
          "if": {
            "properties": {
              "action": {
                "enum": [
                  "disable_flow",
                  "enable_flow",
                  "delete_flow"
                ]
              }
            },
            "required": [
              "action"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "after": {},
              "action": {},
              "flow": {
                "$ref": "#/definitions/reference"
              },
              "stops": {
                "type": "array",
                "items": {
                  "enum": [
                    "new_triggers",
                    "waiting_runs",
                    "runs_in_flight",
                    "queued_mail"
                  ]
                }
              }
            },
            "additionalProperties": false,
            "required": [
              "flow"
            ]
          }
        },
        {
          "if": {
            "properties": {
              "action": {
                "enum": [
                  "purge_mailbox",
                  "delete_mailbox",
                  "hold_mailbox",
                  "release_mailbox"
                ]
              }
            },
            "required": [
              "action"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "after": {},
              "action": {},
              "mailbox": {
                "$ref": "#/definitions/reference"
              }
            },
            "additionalProperties": false,
            "required": [
              "mailbox"
            ]
          }
        },
        {
          "if": {
            "properties": {
              "action": {
                "enum": [
                  "release_held",
                  "discard_held",
                  "reset_guard"
                ]
              }
            },
            "required": [
              "action"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "after": {},
              "action": {},
              "guard": {
                "$ref": "#/definitions/reference"
              }
            },
            "additionalProperties": false,
            "required": [
              "guard"
            ]
          }
        },
        {
          "if": {
            "properties": {
              "action": {
                "enum": [
                  "add_transport_rule"
                ]
              }
            },
            "required": [
              "action"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "after": {},
              "action": {},
              "rule": {
                "$ref": "#/definitions/rule"
              }
            },
            "additionalProperties": false,
            "required": [
              "rule"
            ]
          }
        },
        {
          "if": {
            "properties": {
              "action": {
                "enum": [
                  "release_quarantine",
                  "purge_quarantine"
                ]
              }
            },
            "required": [
              "action"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "after": {},
              "action": {}
            },
            "additionalProperties": false
          }
        }
      ]
    },
    "operator": {
      "type": "object",
      "properties": {
        "wake": {
          "$ref": "#/definitions/timePoint"
        },
        "on_call": {
          "type": "boolean"
        },
        "repeat": {
          "type": "boolean"
        },
        "reaction": {
          "$ref": "#/definitions/distribution"
        },
        "check_every": {
          "$ref": "#/definitions/duration"
        },
        "complaint_threshold": {
          "type": "integer",
          "minimum": 1,
          "maximum": 1000000000
        },
        "playbook": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/playbookAction"
          }
        }
      },
      "additionalProperties": false
    },
    "guard": {
      "type": "object",
      "required": [
        "id",
        "kind"
      ],
      "properties": {
        "kind": {
          "enum": [
            "dedup",
            "rate_limit",
            "recipient_cap",
            "breaker",
            "flood_hold"
          ]
        }
      },
      "allOf": [
        {
          "if": {
            "properties": {
              "kind": {
                "const": "dedup"
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "id": {
                "$ref": "#/definitions/id"
              },
              "kind": {},
              "flows": {
                "$ref": "#/definitions/references"
              },
              "mailboxes": {
                "$ref": "#/definitions/references"
              },
              "at": {
                "enum": [
                  "connector",
                  "flow_trigger",
                  "flow_step",
                  "mailbox",
                  "transport",
                  "recipient"
                ],
                "description": "Where the guard sits in the pipeline"
              },
              "key": {
                "enum": [
                  "global",
                  "flow",
                  "mailbox",
                  "recipient",
                  "content",
                  "registration_id"
                ]
              },
              "shared": {
                "type": "boolean"
              },
              "ttl": {
                "$ref": "#/definitions/duration"
              },
              "capacity": {
                "type": "integer",
                "minimum": 1,
                "maximum": 1000000000
              }
            },
            "additionalProperties": false
          }
        },
        {
          "if": {
            "properties": {
              "kind": {
                "const": "rate_limit"
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "id": {
                "$ref": "#/definitions/id"
              },
              "kind": {},
              "flows": {
                "$ref": "#/definitions/references"
              },
              "mailboxes": {
                "$ref": "#/definitions/references"
              },
              "at": {
                "enum": [
                  "connector",
                  "flow_trigger",
                  "flow_step",
                  "mailbox",
                  "transport",
                  "recipient"
                ],
                "description": "Where the guard sits in the pipeline"
              },
              "key": {
                "enum": [
                  "global",
                  "flow",
                  "mailbox",
                  "recipient",
                  "content",
                  "registration_id"
                ]
              },
              "limit": {
                "$ref": "#/definitions/rate"
              },
              "algorithm": {
                "enum": [
                  "token_bucket",
                  "sliding_log",
                  "sliding_counter",
                  "fixed_window"
                ]
              },
              "burst": {
                "type": "integer",
                "minimum": 1,
                "maximum": 1000000000
              },
              "on_exceed": {
                "enum": [
                  "drop",
                  "delay"
                ]
              },
              "max_keys": {
                "type": "integer",
                "minimum": 1,
                "maximum": 1000000000
              }
            },
            "additionalProperties": false,
            "required": [
              "limit"
            ]
          }
        },
        {
          "if": {
            "properties": {
              "kind": {
                "const": "recipient_cap"
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "id": {
                "$ref": "#/definitions/id"
              },
              "kind": {},
              "flows": {
                "$ref": "#/definitions/references"
              },
              "mailboxes": {
                "$ref": "#/definitions/references"
              },
              "at": {
                "enum": [
                  "connector",
                  "flow_trigger",
                  "flow_step",
                  "mailbox",
                  "transport",
                  "recipient"
                ],
                "description": "Where the guard sits in the pipeline"
              },
              "limit": {
                "$ref": "#/definitions/rate"
              },
              "algorithm": {
                "enum": [
                  "token_bucket",
                  "sliding_log",
                  "sliding_counter",
                  "fixed_window"
                ]
              },
              "burst": {
                "type": "integer",
                "minimum": 1,
                "maximum": 1000000000
              },
              "on_exceed": {
                "enum": [
                  "drop",
                  "delay"
                ]
              },
              "max_keys": {
                "type": "integer",
                "minimum": 1,
                "maximum": 1000000000
              }
            },
            "additionalProperties": false,
            "required": [
              "limit"
            ]
          }
        },
        {
          "if": {
            "properties": {
              "kind": {
                "const": "breaker"
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "id": {
                "$ref": "#/definitions/id"
              },
              "kind": {},
              "flows": {
                "$ref": "#/definitions/references"
              },
              "mailboxes": {
                "$ref": "#/definitions/references"
              },
              "at": {
                "enum": [
                  "connector",
                  "flow_trigger",
                  "flow_step",
                  "mailbox",
                  "transport",
                  "recipient"
                ],
                "description": "Where the guard sits in the pipeline"
              },
              "when": {
                "oneOf": [
                  {
                    "type": "object",
                    "properties": {
                      "failure_ratio": {
                        "type": "object",
                        "properties": {
                          "at_least": {
                            "type": "number",
                            "minimum": 0.001,
                            "maximum": 1
                          },
                          "min_requests": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": 1000000000
                          },
                          "within": {
                            "$ref": "#/definitions/duration"
                          }
                        },
                        "additionalProperties": false,
                        "required": [
                          "at_least",
                          "within"
                        ]
                      }
                    },
                    "additionalProperties": false,
                    "required": [
                      "failure_ratio"
                    ]
                  },
                  {
                    "type": "object",
                    "properties": {
                      "anomaly": {
                        "type": "object",
                        "properties": {
                          "bucket": {
                            "$ref": "#/definitions/duration"
                          },
                          "alpha": {
                            "type": "number",
                            "minimum": 0.001,
                            "maximum": 1
                          },
                          "sensitivity": {
                            "type": "number",
                            "minimum": 0,
                            "maximum": 1000
                          },
                          "warmup": {
                            "type": "integer",
                            "minimum": 0,
                            "maximum": 1000000
                          }
                        },
                        "additionalProperties": false
                      }
                    },
                    "additionalProperties": false,
                    "required": [
                      "anomaly"
                    ]
                  },
                  {
                    "type": "object",
                    "properties": {
                      "more_than": {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": 1000000000
                      },
                      "within": {
                        "$ref": "#/definitions/duration"
                      }
                    },
                    "additionalProperties": false,
                    "required": [
                      "more_than",
                      "within"
                    ]
                  }
                ]
              },
              "on_trip": {
                "type": "array",
                "items": {
                  "enum": [
                    "block",
                    "hold_queue",
                    "disable_flow",
                    "block_sender",
                    "alert"
                  ]
                },
                "minItems": 1
              },
              "close": {
                "enum": [
                  "manual",
                  "half_open"
                ]
              },
              "cooldown": {
                "$ref": "#/definitions/duration"
              }
            },
            "additionalProperties": false,
            "required": [
              "when",
              "on_trip"
            ],
            "if": {
              "properties": {
                "close": {
                  "const": "half_open"
                }
              },
              "required": [
                "close"
              ]
            },
            "then": {
              "required": [
                "cooldown"
              ]
            }
          }
        },
        {
          "if": {
            "properties": {
              "kind": {
                "const": "flood_hold"
              }
            },
            "required": [
              "kind"
            ]
          },
          "then": {
            "type": "object",
            "properties": {
              "id": {
                "$ref": "#/definitions/id"
              },
              "kind": {},
              "flows": {
                "$ref": "#/definitions/references"
              },
              "mailboxes": {
                "$ref": "#/definitions/references"
              },
              "at": {
                "enum": [
                  "connector",
                  "flow_trigger",
                  "flow_step",
                  "mailbox",
                  "transport",
                  "recipient"
                ],
                "description": "Where the guard sits in the pipeline"
              },
              "threshold": {
                "type": "integer",
                "minimum": 1,
                "maximum": 1000000000
              },
              "within": {
                "$ref": "#/definitions/duration"
              },
              "release_rate": {
                "$ref": "#/definitions/rate"
              }
            },
            "additionalProperties": false,
            "required": [
              "threshold",
              "within"
            ]
          }
        }
      ]
    },
    "expect": {
      "type": "object",
      "description": "Expectations that `stormsim check` enforces: a metric such as \"recipients.max\", \"p95(recipients.max)\" or \"max_in_window(unwanted_delivered, 10m)\", mapped to a condition such as \"<= 3\"",
      "propertyNames": {
        "pattern": "^\\s*((mean|min|max|p[0-9.]+)\\s*\\(.*\\)|max_in_window\\s*\\(.*\\)|[^()\\s][^()]*)\\s*$"
      },
      "additionalProperties": {
        "type": "string",
        "pattern": "^\\s*((<=|>=|<|>|==|!=)\\s*[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?(\\s+or\\s+null)?|(==|!=)\\s*null)\\s*$"
      }
    }
  }
})schema";
}

} // namespace stormsim
