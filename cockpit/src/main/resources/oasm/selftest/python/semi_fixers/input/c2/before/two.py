def f(v):
    if v:
        print v * 2
    return old_sum(v, v)
