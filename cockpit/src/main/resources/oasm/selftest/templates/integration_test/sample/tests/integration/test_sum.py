import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from calc import add  # noqa: E402


def test_sum_of_many():
    total = 0
    for n in range(10):
        total = add(total, n)
    assert total == 45
