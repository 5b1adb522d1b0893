#!/usr/bin/env python3
"""thin-report.py RUNS REPORT CMD...: runs a link command RUNS times with FFIGUARD_OPTIONS
asking for a JSON report at REPORT, and checks each time that the report holds exactly the
findings the link printed (file:line:col and rule). Prints one summary line or fails."""
import json
import os
import re
import subprocess
import sys

runs, report, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
env = dict(os.environ, FFIGUARD_OPTIONS="format=json:output=" + report)
pattern = re.compile(r"ld\.lld: (?:warning|error): (\S+?):(\d+):(\d+): .*\[([a-z-]+)\]$")
counts = set()
for i in range(runs):
    if os.path.exists(report):
        os.unlink(report)
    p = subprocess.run(cmd, env=env, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit("thin-report: run %d: link failed:\n%s" % (i, p.stderr))
    printed = {m.groups() for m in map(pattern.search, p.stderr.splitlines()) if m}
    doc = json.load(open(report))
    written = {(f["location"]["file"], str(f["location"]["line"]),
                str(f["location"]["column"]), f["rule"]) for f in doc["findings"]}
    if printed != written or len(doc["findings"]) != len(written):
        sys.exit("thin-report: run %d: printed %s, report %s" % (i, sorted(printed),
                                                               sorted(written)))
    counts.add(len(written))
print("%d runs: the report equals what the link printed (%s findings)" %
      (runs, ", ".join(str(c) for c in sorted(counts))))
