"""Reference solution for tuples (instructor only; never released)."""


def single(x):
    return (x,)


def swap(pair):
    a, b = pair
    return (b, a)


def freeze(rows):
    return tuple(freeze(item) if isinstance(item, (list, tuple)) else item for item in rows)
