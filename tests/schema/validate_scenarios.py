#!/usr/bin/env python3
"""Validate every scenario file, and every variant of it, against the JSON Schema that `stormsim schema` prints.

Usage: validate_scenarios.py STORMSIM_BINARY SCENARIO_DIR

Also checks that the schema rejects a few invalid scenarios, so that a schema that accepts everything fails too.
Needs python3-jsonschema (Debian 12 ships 4.10).
"""
import copy
import json
import pathlib
import subprocess
import sys

import jsonschema


def strip_comments(text):
    """Remove // and /* */ comments outside strings, as stormsim's own reader accepts them."""
    out = []
    i = 0
    in_string = False
    while i < len(text):
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\" and i + 1 < len(text):
                out.append(text[i + 1])
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            out.append(c)
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise ValueError("unterminated /* comment")
            out.append(" ")
            i = end + 2
            continue
        else:
            out.append(c)
        i += 1
    return "".join(out)


def merge_patch(target, patch):
    """Apply a JSON merge patch (RFC 7396), as stormsim applies a variant to its base scenario."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = copy.deepcopy(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def describe(error):
    path = "/" + "/".join(str(part) for part in error.absolute_path)
    return f"{path}: {error.message}"


def check_valid(validator, document, name):
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        print(f"{name}: {describe(error)}")
    return not errors


def check_invalid(validator, document, name):
    if validator.is_valid(document):
        print(f"{name}: the schema accepts a scenario that stormsim rejects")
        return False
    return True


def invalid_variants(document):
    """Yield (name, document) pairs that stormsim rejects, made from a valid scenario."""
    unknown_key = copy.deepcopy(document)
    unknown_key["sedd"] = 1
    yield "unknown top-level key", unknown_key
    bad_duration = copy.deepcopy(document)
    bad_duration["duration"] = "12 hours"
    yield "duration without a unit", bad_duration
    missing_seed = copy.deepcopy(document)
    missing_seed.pop("seed", None)
    yield "missing seed", missing_seed
    bad_condition = copy.deepcopy(document)
    bad_condition["expect"] = {"recipients.max": "at most 3"}
    yield "condition without an operator", bad_condition
    if document.get("flows"):
        bad_step = copy.deepcopy(document)
        bad_step["flows"][0]["steps"][0]["kind"] = "send_sms"
        yield "unknown step kind", bad_step
    if document.get("sources"):
        bad_history = copy.deepcopy(document)
        bad_history["sources"][0]["history"] = -1
        yield "negative history", bad_history
    bad_guard = copy.deepcopy(document)
    bad_guard["guards"] = [{"id": "g", "kind": "rate_limit", "limit": "10/min", "ttl": "1h"}]
    yield "dedup key on a rate limit", bad_guard


def main():
    binary, scenario_dir = sys.argv[1], pathlib.Path(sys.argv[2])
    schema = json.loads(subprocess.run([binary, "schema"], check=True, capture_output=True, text=True).stdout)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    files = sorted(scenario_dir.glob("*.json"))
    if not files:
        print(f"no scenario files in {scenario_dir}")
        return 1
    ok = True
    for path in files:
        document = json.loads(strip_comments(path.read_text(encoding="utf-8")))
        ok &= check_valid(validator, document, str(path))
        for name, patch in document.get("variants", {}).items():
            ok &= check_valid(validator, merge_patch(document, patch), f"{path} variant {name}")
        for name, invalid in invalid_variants(document):
            ok &= check_invalid(validator, invalid, f"{path} ({name})")
    print(f"checked {len(files)} scenario files against the schema: {'ok' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
