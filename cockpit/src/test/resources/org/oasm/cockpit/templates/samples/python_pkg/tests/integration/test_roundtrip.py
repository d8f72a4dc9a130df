import os
import tempfile

import geometry


def test_a_written_file_loads_back():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "shape.txt")
        with open(path, "w") as f:
            f.write("square")
        assert geometry.load(path) == "square"
