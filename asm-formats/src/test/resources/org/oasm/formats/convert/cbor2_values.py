"""Writes values with cbor2 the way Python programs do (bignums, indefinite-length containers,
half floats, the self-describe tag) to FILE, and their JSON value to FILE.json.
Usage: cbor2_values.py FILE"""
import json
import sys

import cbor2

value = {
    "small": 1, "negative": -500, "u64": 2**64 - 1, "big": 2**100, "nbig": -(2**70),
    "floats": [0.5, 1.1, -0.0, 65504.0, 1e300], "text": "ünïcode ✓", "list": [True, False, None],
    "nested": {"a": {"b": [1, [2, [3]]]}},
}
data = cbor2.dumps(value, canonical=True)
with open(sys.argv[1], "wb") as f:
    f.write(b"\xd9\xd9\xf7" + data)
with open(sys.argv[1] + ".json", "w") as f:
    json.dump(value, f)
# an indefinite-length array and map, written by hand as cbor2 streams them
with open(sys.argv[1] + ".indefinite.cbor", "wb") as f:
    f.write(b"\xbf\x61\x61\x9f\x01\x02\xff\xff")
