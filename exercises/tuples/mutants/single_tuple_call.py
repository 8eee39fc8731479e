# mutant-of: single
# mistake: uses tuple(x), which splits x apart (and fails for numbers)


def single(x):
    return tuple(x)


def swap(pair):
    a, b = pair
    return (b, a)


def freeze(rows):
    return tuple(freeze(item) if isinstance(item, (list, tuple)) else item for item in rows)
