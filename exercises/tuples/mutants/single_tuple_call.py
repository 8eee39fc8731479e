# mutant-of: single
# mistake: uses tuple(x), which splits x apart (and fails for numbers)

def single(x):
    return tuple(x)
