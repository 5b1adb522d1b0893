#!/usr/bin/env python3
"""Validates a JSON document against a JSON schema: validate-json.py SCHEMA DOC [--github].
--github also applies GitHub code scanning's upload rules for SARIF. Prints 'valid' or the first
problems and exits 1."""
import json
import sys

import jsonschema


def github_problems(doc):
    for run in doc["runs"]:
        rules = run["tool"]["driver"].get("rules", [])
        for rule in rules:
            for key in ("id", "shortDescription", "fullDescription", "help"):
                if key not in rule:
                    yield "rule %s lacks %s" % (rule.get("id"), key)
        ids = [r["id"] for r in rules]
        for i, res in enumerate(run["results"]):
            if res.get("ruleId") not in ids:
                yield "result %d names an unknown rule" % i
            if not res.get("message", {}).get("text"):
                yield "result %d has no message text" % i
            locs = res.get("locations", [])
            phys = locs[0].get("physicalLocation") if locs else None
            if not phys or "uri" not in phys.get("artifactLocation", {}) \
                    or "startLine" not in phys.get("region", {}):
                yield "result %d has no physical location with uri and startLine" % i
            if "primaryLocationLineHash" not in res.get("partialFingerprints", {}):
                yield "result %d has no primaryLocationLineHash" % i


schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
problems = ["/%s: %s" % ("/".join(map(str, e.path)), e.message)
            for e in cls(schema).iter_errors(doc)]
if "--github" in sys.argv:
    problems += list(github_problems(doc))
for p in problems[:5]:
    print("invalid " + p)
print("valid" if not problems else "%d problems" % len(problems))
sys.exit(1 if problems else 0)
