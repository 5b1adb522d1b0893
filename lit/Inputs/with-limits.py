#!/usr/bin/env python3
"""with-limits.py --fsize BYTES -- CMD...: runs CMD with its files limited to BYTES (as a full
disk would stop them), with this process's streams, and exits with CMD's status."""
import resource
import subprocess
import sys

args = sys.argv[1:]
fsize = int(args[args.index("--fsize") + 1])
cmd = args[args.index("--") + 1:]


def limit():
    resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))


sys.exit(subprocess.call(cmd, preexec_fn=limit))
