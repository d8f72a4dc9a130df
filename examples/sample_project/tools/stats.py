"""Summary statistics of the numbers in a text file, one per line."""


def read_numbers(path):
    numbers = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            numbers.append(float(line))
    return numbers


def summary(numbers):
    if not numbers:
        return {"count": 0}
    total = 0.0
    for n in numbers:
        total += n
    mean = total / len(numbers)
    return {"count": len(numbers), "mean": mean, "min": min(numbers), "max": max(numbers)}
