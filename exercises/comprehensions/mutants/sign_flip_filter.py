# mutant-of: sign_flip
# mistake: writes the if after the for (a filter), so the odd numbers disappear instead of being negated


def squares(n):
    return [x * x for x in range(1, n + 1)]


def even_squares(n):
    return [x * x for x in range(1, n + 1) if x % 2 == 0]


def sign_flip(n):
    return [x for x in range(1, n + 1) if x % 2 == 0]


def lower_strings(items):
    return [s.lower() for s in items if isinstance(s, str)]


def cross(a, b):
    return [m + n for m in a for n in b]


def kv_pairs(d):
    return [f'{k}={v}' for k, v in d.items()]
