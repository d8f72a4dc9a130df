"""Writes the benchmark inputs of bench/formats: a JSON file of SIZE megabytes (records with
integers, floats, text, booleans, nulls and nested objects; a few integers beyond 2^53), a YAML
file in block style, or an HDF5 file with one contiguous float64 dataset.
Usage: make_data.py json|yaml|hdf5 SIZE_MB OUT"""
import json
import random
import sys

kind, size_mb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
target = size_mb * 1_000_000
rnd = random.Random(8949)
WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]


def record(i):
    return {
        "id": i,
        "name": " ".join(rnd.choice(WORDS) for _ in range(3)),
        "score": round(rnd.random() * 1000, 6),
        "count": rnd.randint(-10**6, 10**6),
        "big": 2**60 + i if i % 50 == 0 else i,
        "active": i % 3 == 0,
        "note": None if i % 7 else "seventh",
        "tags": [rnd.choice(WORDS) for _ in range(rnd.randint(0, 4))],
        "position": {"x": rnd.random(), "y": rnd.random(), "label": "p%d" % i},
    }


if kind == "json":
    with open(out, "w") as f:
        f.write("[")
        written, i = 1, 0
        while written < target:
            text = ("," if i else "") + json.dumps(record(i), separators=(",", ":"))
            f.write(text)
            written += len(text)
            i += 1
        f.write("]\n")
elif kind == "yaml":
    with open(out, "w") as f:
        written, i = 0, 0
        while written < target:
            r = record(i)
            lines = ["- id: %d" % r["id"], "  name: %s" % r["name"], "  score: %r" % r["score"],
                     "  count: %d" % r["count"], "  big: %d" % r["big"], "  active: %s" % str(r["active"]).lower(),
                     "  note: %s" % ("null" if r["note"] is None else r["note"]),
                     "  tags: [%s]" % ", ".join(r["tags"]),
                     "  position:", "    x: %r" % r["position"]["x"], "    y: %r" % r["position"]["y"],
                     "    label: %s" % r["position"]["label"]]
            text = "\n".join(lines) + "\n"
            f.write(text)
            written += len(text)
            i += 1
elif kind == "hdf5":
    import h5py
    import numpy as np
    columns = 131072
    rows = max(1, target // (8 * columns))
    with h5py.File(out, "w") as f:
        ds = f.create_dataset("values", shape=(rows, columns), dtype=np.float64)
        ds.attrs["unit"] = "V"
        gen = np.random.default_rng(8949)
        for r in range(0, rows, 64):
            n = min(64, rows - r)
            ds[r:r + n] = gen.random((n, columns))
else:
    sys.exit("unknown kind " + kind)
