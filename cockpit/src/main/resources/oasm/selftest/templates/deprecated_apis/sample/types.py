from typing import List


def names(items: List[str]) -> list:
    return [i.strip() for i in items]
