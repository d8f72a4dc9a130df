import sys

def greet(name):
    print("hello", name)
    total = new_sum(1, 2)
    return total

def main():
    print(sys.argv)
    x = new_sum(3, 4)
    print(x)
