import os

def load(path):
    data = open(path).read()
    value = eval(data)
    return value

def run(cmd):
    os.system(cmd)
    result = eval(cmd)
    print("ran", cmd)
    return result

def other():
    x = eval("1 + 2")
    os.system("ls")
    return x
