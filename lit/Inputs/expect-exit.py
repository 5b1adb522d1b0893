#!/usr/bin/env python3
"""expect-exit.py CODE CMD...: runs CMD with this process's streams and succeeds only when it
exits with CODE (a crash or any other status fails, with a message)."""
import subprocess
import sys

want = int(sys.argv[1])
rc = subprocess.call(sys.argv[2:])
if rc != want:
    sys.stderr.write("expect-exit: %s exited %d, expected %d\n" % (sys.argv[2], rc, want))
    sys.exit(1)
