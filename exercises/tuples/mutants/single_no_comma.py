# mutant-of: single
# mistake: writes (x) without the comma, which is just x


def single(x):
    return (x)


def swap(pair):
    a, b = pair
    return (b, a)


def freeze(rows):
    return tuple(freeze(item) if isinstance(item, (list, tuple)) else item for item in rows)
