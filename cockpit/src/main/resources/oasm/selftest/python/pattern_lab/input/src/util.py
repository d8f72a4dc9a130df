def helper(s):
    return eval(s, {})
