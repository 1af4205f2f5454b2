#!/usr/bin/env python3
"""Zero the CUDA machine code that a GPU of the kept architectures never loads, so that the library compresses.

libonnxruntime_providers_cuda.so of ONNX Runtime's Gpu.Linux 1.31.0 is 284 MB, 218 MB of it the .nv_fatbin section:
zstd-compressed cubins for sm_75, 80, 86, 89, 90 and 120 (no PTX), which xz cannot shrink (186 MB whole, measured).
The CUDA driver picks, per fatbin, the entry built for the device's architecture and reads only that one, so on an
H100/H200 (sm_90) only the sm_90 entries are ever read (77 MB compressed). This keeps every header, offset and size
as it is and zeroes the payloads of the other architectures' entries; the zeros then compress to almost nothing.
A GPU of another architecture would find no code for itself: tests/gpu/run.sh compares the GPU's compute capability
with the architectures kept and says so.

usage: prune_fatbin.py IN OUT --keep 90 [--keep 100 ...]     (prints what it kept and zeroed)
       prune_fatbin.py IN --list                              (counts entries and bytes per architecture)
"""
import argparse
import collections
import struct
import sys

FATBIN_MAGIC = 0xBA55ED50
ELF_ENTRY = 2  # kind 1 is PTX (kept: the driver could compile it for any GPU), kind 2 a cubin


def section(data, name):
    """(offset, size) of an ELF64 little-endian section by name."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise SystemExit("not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    def header(i):
        return struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
    strtab = header(shstrndx)
    for i in range(shnum):
        h = header(i)
        start = strtab[4] + h[0]
        if data[start:data.index(b"\0", start)].decode() == name:
            return h[4], h[5]
    raise SystemExit(f"no {name} section")


def entries(data, offset, size):
    """Yield (payload offset, payload size, kind, sm) for every entry of every fatbin in the section."""
    pos, end_of_section = offset, offset + size
    while pos + 16 <= end_of_section:
        magic, _, header_size, fat_size = struct.unpack_from("<IHHQ", data, pos)
        if magic != FATBIN_MAGIC:
            pos += 8  # fatbins are 8-byte aligned; padding between them
            continue
        entry, end = pos + header_size, pos + header_size + fat_size
        while entry < end:
            kind, _, entry_header, payload = struct.unpack_from("<HHIQ", data, entry)
            sm, = struct.unpack_from("<I", data, entry + 28)
            yield entry + entry_header, payload, kind, sm
            entry += entry_header + payload
        if entry != end:
            raise SystemExit(f"fatbin at {pos:#x}: entries end at {entry:#x}, not {end:#x}")
        pos = end


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output", nargs="?")
    parser.add_argument("--keep", type=int, action="append", default=[], help="SM architecture to keep, e.g. 90")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    data = bytearray(open(args.input, "rb").read())
    offset, size = section(data, ".nv_fatbin")
    kept, zeroed = collections.Counter(), collections.Counter()
    for payload_at, payload, kind, sm in list(entries(data, offset, size)):
        if args.list or kind != ELF_ENTRY or sm in args.keep:
            kept[(kind, sm)] += payload
        else:
            data[payload_at:payload_at + payload] = bytes(payload)
            zeroed[(kind, sm)] += payload
    for label, counter in (("kept", kept), ("zeroed", zeroed)):
        for (kind, sm), n in sorted(counter.items()):
            print(f"{label} {'cubin' if kind == ELF_ENTRY else 'ptx'} sm_{sm}: {n / 1e6:.1f} MB")
    if args.list:
        return
    if not args.keep or not args.output:
        raise SystemExit("give OUT and at least one --keep")
    if not any(sm in args.keep for (_, sm) in kept):
        raise SystemExit(f"no cubin for sm {args.keep} in {args.input}")
    open(args.output, "wb").write(data)


if __name__ == "__main__":
    sys.exit(main())
