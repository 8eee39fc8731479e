# mutant-of: swap
# mistake: tries to swap inside the tuple with item assignment


def single(x):
    return (x,)


def swap(pair):
    pair[0], pair[1] = pair[1], pair[0]
    return pair


def freeze(rows):
    return tuple(freeze(item) if isinstance(item, (list, tuple)) else item for item in rows)
