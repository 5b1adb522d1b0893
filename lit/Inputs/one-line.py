#!/usr/bin/env python3
"""one-line.py FILE: prints FILE's only line; fails when it holds no line or more than one (every
bad input must be said in exactly one line)."""
import sys

lines = open(sys.argv[1], errors="replace").read().splitlines()
if len(lines) != 1:
    sys.stderr.write("one-line: %s has %d lines:\n%s\n" % (sys.argv[1], len(lines), "\n".join(lines)))
    sys.exit(1)
print(lines[0])
