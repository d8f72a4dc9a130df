"""Small geometry helpers."""
import math
import sys
from typing import List
import math


def area(radius):
    return math.pi * radius ** 2


def perimeter(points: List[tuple]) -> float:
    """Length of the closed polygon through the points."""
    total = 0.0
    count = len(points)
    for a, b in zip(points, points[1:] + points[:1]):
        total += math.dist(a, b)
    return total


def load(path: str) -> str:
    try:
        with open(path) as f:
            return f.read()
    except:
        return ""


def is_missing(value) -> bool:
    return value == None


class Polygon:
    def __init__(self, points):
        self.points = points

    def perimeter(self) -> float:
        return perimeter(self.points)
