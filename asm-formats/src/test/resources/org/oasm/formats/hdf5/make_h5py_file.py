"""Writes an HDF5 file with h5py covering every dtype of the document tree, the way h5py users
write them: variable-length strings, numpy booleans (an enum), chunked and compressed datasets,
scalars, attributes of several types. Usage: make_h5py_file.py FILE"""
import sys

import h5py
import numpy as np

with h5py.File(sys.argv[1], "w") as f:
    f.attrs["title"] = "made by h5py"
    f.attrs["version"] = np.int64(3)
    f.attrs["ratio"] = 0.25
    f.attrs["flags"] = np.array([1, 2, 3], dtype=np.uint16)
    f.attrs["names"] = ["a", "bc"]
    g = f.create_group("measurements")
    g.attrs["unit"] = "m"
    for name in ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]:
        info = np.iinfo(name)
        g.create_dataset(name, data=np.array([[info.min, 0], [1, info.max]], dtype=name))
    g.create_dataset("float32", data=np.array([1.5, -0.0, 3.4028234663852886e38], dtype=np.float32))
    g.create_dataset("float64", data=np.array([0.1, 1e-300, -2.5], dtype=np.float64))
    g.create_dataset("bool", data=np.array([True, False, True]))
    g.create_dataset("vlen_strings", data=["alpha", "βeta", ""], dtype=h5py.string_dtype())
    g.create_dataset("fixed_strings", data=np.array([b"xy", b"z"], dtype="S2"))
    g.create_dataset("scalar", data=np.float64(42.0))
    g.create_dataset("text_scalar", data="one line", dtype=h5py.string_dtype())
    c = g.create_dataset("chunked", data=np.arange(1000, dtype=np.int32).reshape(10, 100),
                         chunks=(5, 10), compression="gzip")
    c.attrs["note"] = "gzip"
    f.create_group("empty_group")
    f.create_dataset("cube", data=np.arange(24, dtype=np.int64).reshape(2, 3, 4))
    # Never written, or written in part: what was not written reads as the fill value.
    unwritten = f.create_group("unwritten")
    unwritten.create_dataset("contiguous", shape=(4,), dtype="i4", fillvalue=7)
    unwritten.create_dataset("default_fill", shape=(2, 2), dtype="f8")
    unwritten.create_dataset("scalar", shape=(), dtype="i2", fillvalue=-3)
    unwritten.create_dataset("strings", shape=(2,), dtype=h5py.string_dtype())
    unwritten.create_dataset("uint8", shape=(3,), dtype="u1", fillvalue=200)
    part = unwritten.create_dataset("chunked_in_part", shape=(5, 5), chunks=(2, 2), dtype="i4", fillvalue=-1)
    part[0:2, 0:3] = 5
    bools = unwritten.create_dataset("bools_in_part", shape=(5,), chunks=(2,), dtype=bool, fillvalue=True)
    bools[0:2] = [False, False]
    big = unwritten.create_dataset("uint64_in_part", shape=(3,), chunks=(1,), dtype="u8", fillvalue=2**64 - 2)
    big[1] = 4
