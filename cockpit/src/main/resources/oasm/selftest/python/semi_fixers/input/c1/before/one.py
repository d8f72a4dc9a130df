import sys

def greet(name):
    print "hello", name
    total = old_sum(1, 2)
    return total

def main():
    print sys.argv
    x = old_sum(3, 4)
    print x
