# mutant-of: freeze
# mistake: builds the result with a list comprehension, so the outside is still a list


def single(x):
    return (x,)


def swap(pair):
    a, b = pair
    return (b, a)


def freeze(rows):
    return [freeze(item) if isinstance(item, (list, tuple)) else item for item in rows]
