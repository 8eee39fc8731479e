# mutant-of: swap
# mistake: returns pair[::-1], which is a list when pair is a list


def single(x):
    return (x,)


def swap(pair):
    return pair[::-1]


def freeze(rows):
    return tuple(freeze(item) if isinstance(item, (list, tuple)) else item for item in rows)
