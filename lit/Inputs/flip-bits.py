#!/usr/bin/env python3
"""flip-bits.py IN N CMD...: runs CMD on N copies of IN, each with a few bits flipped at
deterministic pseudo-random offsets past the magic. Every run must exit 0, 1 or 2: an error
message is fine, a crash or hang is not."""
import os
import random
import subprocess
import sys
import tempfile

data = open(sys.argv[1], "rb").read()
count = int(sys.argv[2])
cmd = sys.argv[3:]
rng = random.Random(1234)
bad = 0
with tempfile.TemporaryDirectory() as tmp:
    for i in range(count):
        copy = bytearray(data)
        for _ in range(1 + i % 4):
            pos = rng.randrange(4, len(copy))
            copy[pos] ^= 1 << rng.randrange(8)
        path = os.path.join(tmp, "flipped-%d.bc" % i)
        open(path, "wb").write(bytes(copy))
        try:
            rc = subprocess.call(cmd + [path], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, timeout=60)
        except subprocess.TimeoutExpired:
            rc = "timeout"
        if rc not in (0, 1, 2):
            print("flip-bits: copy %d: %s" % (i, rc))
            bad += 1
print("%d copies, %d crashes" % (count, bad))
sys.exit(1 if bad else 0)
