"""Decodes each CBOR file given with cbor2 and encodes the value again with cbor2 (canonical
form: shortest floats, sorted keys) to FILE.cbor2, so the project can check that cbor2 read what
it wrote and that it reads what cbor2 writes. Usage: cbor2_roundtrip.py FILE..."""
import sys

import cbor2

for name in sys.argv[1:]:
    with open(name, "rb") as f:
        value = cbor2.loads(f.read())
    with open(name + ".cbor2", "wb") as f:
        f.write(cbor2.dumps(value, canonical=True))
