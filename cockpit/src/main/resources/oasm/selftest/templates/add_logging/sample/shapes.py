import math


def circle_area(radius):
    return math.pi * radius * radius


def square_area(side):
    """The area of a square."""
    return side * side
