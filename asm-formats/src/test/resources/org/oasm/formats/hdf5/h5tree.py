"""Prints an HDF5 file as the OASM document tree (JSON), read with h5py: the reference the
project's own reader and writer are checked against. Usage: h5tree.py FILE"""
import json
import sys

import h5py
import numpy as np

PLAIN = {"string", "int64", "float64", "bool"}


def dtype_of(obj):
    tid = obj.get_type() if isinstance(obj, h5py.h5a.AttrID) else obj.id.get_type()
    cls = tid.get_class()
    if cls == h5py.h5t.BITFIELD and tid.get_size() == 1:
        return "bool"
    dt = obj.dtype
    if h5py.check_string_dtype(dt) is not None:
        return "string"
    if dt == np.bool_:
        return "bool"
    if dt.kind in "iuf":
        return dt.name
    raise ValueError("no dtype for %s" % dt)


def value(x, dtype):
    if isinstance(x, np.ndarray):
        return [value(v, dtype) for v in x]
    if dtype == "string":
        return x.decode("utf-8") if isinstance(x, bytes) else str(x)
    if dtype == "bool":
        return bool(x)
    if dtype.startswith("float"):
        return float(x)
    return int(x)


def attribute(aid, data):
    dtype = dtype_of(aid)
    shape = list(aid.shape)
    v = value(np.asarray(data) if shape else data, dtype)
    if dtype in PLAIN and 0 not in shape:
        return v
    return {"dtype": dtype, "shape": shape, "data": v}


def attributes(node, root):
    out = {}
    for name in sorted(node.attrs.keys()):
        if root and name == "_jHDF":
            continue
        aid = h5py.h5a.open(node.id, name.encode())
        out[name] = attribute(aid, node.attrs[name])
    return out


def tree(node, root=False):
    if isinstance(node, h5py.Dataset):
        dtype = dtype_of(node)
        raw = node[()]
        return {"kind": "dataset", "dtype": dtype, "shape": list(node.shape),
                "attributes": attributes(node, False), "data": value(raw, dtype)}
    return {"kind": "group", "attributes": attributes(node, root),
            "members": {name: tree(node[name]) for name in sorted(node.keys())}}


with h5py.File(sys.argv[1], "r") as f:
    print(json.dumps(tree(f, True), ensure_ascii=False))
