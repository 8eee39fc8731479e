# mutant-of: freeze
# mistake: converts rows but not lists nested inside a row


def single(x):
    return (x,)


def swap(pair):
    a, b = pair
    return (b, a)


def freeze(rows):
    return tuple(tuple(row) for row in rows)
