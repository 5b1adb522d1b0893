#!/usr/bin/env python3
"""findings.py FILE: the findings in FILE (ffiguard's text report, or the linker's or opt's
diagnostics), one line each as "FILE:LINE:COL: MESSAGE [RULE]" without severity or tool prefix,
sorted; fails when there are none. Reports of the same program from different entry points
compare equal line for line."""
import re
import sys

line_re = re.compile(r"^(?:ld\.lld: )?(?:warning: |error: )?(\S+:\d+:\d+): (?:error: |warning: )?(.*\[[a-z-]+\])$")
found = sorted({m.group(1) + ": " + m.group(2)
                for m in map(line_re.match, open(sys.argv[1], errors="replace").read().splitlines()) if m})
if not found:
    sys.stderr.write("findings: no finding in %s\n" % sys.argv[1])
    sys.exit(1)
print("\n".join(found))
