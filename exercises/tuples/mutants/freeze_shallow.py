# mutant-of: freeze
# mistake: tuple(rows) converts only the outer list; the rows stay lists


def single(x):
    return (x,)


def swap(pair):
    a, b = pair
    return (b, a)


def freeze(rows):
    return tuple(rows)
