#!/usr/bin/env python3
"""safetensors in Python's standard library only (struct, json): an implementation of the format written from its
specification (8-byte little-endian header length, JSON header {name: {dtype, shape, data_offsets}} with an
optional __metadata__, then the tensors' bytes back to back), independent of TorchSharp.PyBridge, to check ours.

  safetensors_stdlib.py write SPEC.json OUT.safetensors   tensors of SPEC ({"tensors": [{name, shape, dtype}],
                                                          "metadata": {...}}) filled with value(name, i)
  safetensors_stdlib.py read FILE.safetensors             prints {name: {shape, sum, first, last}} as JSON
"""
import json
import math
import struct
import sys

FORMATS = {"F32": ("f", 4), "F16": ("e", 2)}


def value(name, i):
    """The i-th value of tensor `name`, recomputed by the C# test (SafetensorsWeightsTests.Value)."""
    h = sum(ord(c) for c in name) % 101
    return ((i * 37 + h) % 211) / 211.0 - 0.5


def write(spec_path, out_path):
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    header, blobs, offset = {}, [], 0
    for tensor in spec["tensors"]:
        count = math.prod(tensor["shape"])
        code, _ = FORMATS[tensor["dtype"]]
        data = struct.pack("<%d%s" % (count, code), *(value(tensor["name"], i) for i in range(count)))
        header[tensor["name"]] = {"dtype": tensor["dtype"], "shape": tensor["shape"], "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header["__metadata__"] = spec.get("metadata", {})
    text = json.dumps(header).encode("utf-8")
    text += b" " * (-len(text) % 8)  # the reference writer pads the header with spaces to a multiple of 8 bytes
    with open(out_path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for data in blobs:
            f.write(data)


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length].decode("utf-8"))
    header.pop("__metadata__", None)
    body = data[8 + length:]
    out, end = {}, 0
    for name, tensor in sorted(header.items(), key=lambda item: item[1]["data_offsets"][0]):
        start, stop = tensor["data_offsets"]
        if start != end:
            sys.exit(f"{name}: starts at byte {start}, the previous tensor ended at {end} (holes and overlaps are invalid)")
        code, size = FORMATS[tensor["dtype"]]
        count = math.prod(tensor["shape"])
        if stop - start != size * count:
            sys.exit(f"{name}: {stop - start} bytes for {count} {tensor['dtype']} values")
        values = struct.unpack("<%d%s" % (count, code), body[start:stop])
        out[name] = {"shape": tensor["shape"], "sum": math.fsum(values), "first": values[0], "last": values[-1]}
        end = stop
    if end != len(body):
        sys.exit(f"{len(body) - end} bytes after the last tensor")
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    if sys.argv[1:2] == ["write"] and len(sys.argv) == 4:
        write(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["read"] and len(sys.argv) == 3:
        read(sys.argv[2])
    else:
        sys.exit(__doc__)
