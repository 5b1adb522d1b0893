#!/usr/bin/env python3
"""workflow-commands.py WORKFLOW STEP: prints the `run:` block of the step named STEP (marked
"# lit") of a GitHub Actions workflow, so that a test runs exactly what CI runs."""
import sys

lines = open(sys.argv[1]).read().splitlines()
want = sys.argv[2]
out, inside, indent = [], False, None
for i, line in enumerate(lines):
    stripped = line.strip()
    if stripped.startswith("- name:"):
        name = stripped[len("- name:"):].split("#")[0].strip()
        inside = name == want and "# lit" in stripped
        indent = None
        continue
    if not inside:
        continue
    if stripped.startswith("run: |"):
        indent = -1
        continue
    if indent == -1:
        indent = len(line) - len(line.lstrip())
    if indent is not None and indent >= 0:
        if stripped and len(line) - len(line.lstrip()) < indent:
            break
        out.append(line[indent:])
if not out:
    sys.exit("workflow-commands: no '# lit' step named %r with a run block" % want)
print("\n".join(out))
