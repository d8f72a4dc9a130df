def f(v):
    if v:
        print(v * 2)
    return new_sum(v, v)
