#!/usr/bin/env python3
"""bad-facts.py FACTS DIR: writes three broken copies of a facts file into DIR: version.ffacts
(format version 2), truncated.ffacts (the last bytes cut), flipped.ffacts (one payload byte
changed)."""
import os
import sys

data = open(sys.argv[1], "rb").read()
out = sys.argv[2]
os.makedirs(out, exist_ok=True)
assert data.startswith(b"ffiguard-facts 1\n")
open(os.path.join(out, "version.ffacts"), "wb").write(b"ffiguard-facts 2\n" + data[len(b"ffiguard-facts 1\n"):])
open(os.path.join(out, "truncated.ffacts"), "wb").write(data[:-100])
flipped = bytearray(data)
flipped[-50] ^= 0x40
open(os.path.join(out, "flipped.ffacts"), "wb").write(bytes(flipped))
