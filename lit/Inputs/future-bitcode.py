#!/usr/bin/env python3
"""Rewrites a clang-22 bitcode file so that it claims to come from a newer LLVM: the producer
string becomes LLVM99.x and the epoch 1, which LLVM 22 refuses. Stands in for real LLVM 23+
bitcode, which no toolchain on this machine can write."""
import sys

CHAR6 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._"


def get_bit(data, i):
    return (data[i // 8] >> (i % 8)) & 1


def set_bits(data, pos, width, value):
    for k in range(width):
        byte, bit = divmod(pos + k, 8)
        if (value >> k) & 1:
            data[byte] |= 1 << bit
        else:
            data[byte] &= ~(1 << bit) & 0xFF


def bits_of(text):
    out = []
    for ch in text:
        v = CHAR6.index(ch)
        out.extend((v >> k) & 1 for k in range(6))
    return out


def main():
    src, dst = sys.argv[1], sys.argv[2]
    data = bytearray(open(src, "rb").read())
    # clang writes the producer "LLVM<version>" as a char6 array in the identification block,
    # which starts right after the 32-bit magic.
    needle = bits_of("LLVM22.")
    limit = min(len(data) * 8, 2048) - len(needle)
    pos = next((p for p in range(32, limit)
                if all(get_bit(data, p + k) == b for k, b in enumerate(needle))), None)
    if pos is None:
        sys.exit("future-bitcode.py: no char6 'LLVM22.' producer in " + src)
    for i, ch in enumerate("99"):
        set_bits(data, pos + 6 * (4 + i), 6, CHAR6.index(ch))

    def read(at, width):
        return sum(get_bit(data, at + k) << k for k in range(width))

    # The record is [abbrev id:5][array length:vbr6][char6...]; the epoch follows as
    # DEFINE_ABBREV [2:5][numops=2:vbr5][1][code:vbr8][0][VBR=2:3][6:vbr5] and then the record
    # [abbrev id:5][epoch:vbr6].
    length = read(pos - 6, 6)
    at = pos + 6 * length
    if read(at, 5) != 2 or read(at + 5, 5) != 2:
        sys.exit("future-bitcode.py: unexpected identification block layout in " + src)
    epoch_at = at + 28 + 5
    if read(epoch_at, 6) != 0:
        sys.exit("future-bitcode.py: epoch is not 0 in " + src)
    set_bits(data, epoch_at, 6, 1)
    open(dst, "wb").write(bytes(data))


if __name__ == "__main__":
    main()
