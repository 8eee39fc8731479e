# mutant-of: cross
# mistake: pairs the elements with zip instead of taking every combination

def cross(a, b):
    return [m + n for m, n in zip(a, b)]
