# mutant-of: cross
# mistake: pairs the elements with zip instead of taking every combination


def squares(n):
    return [x * x for x in range(1, n + 1)]


def even_squares(n):
    return [x * x for x in range(1, n + 1) if x % 2 == 0]


def sign_flip(n):
    return [x if x % 2 == 0 else -x for x in range(1, n + 1)]


def lower_strings(items):
    return [s.lower() for s in items if isinstance(s, str)]


def cross(a, b):
    return [m + n for m, n in zip(a, b)]


def kv_pairs(d):
    return [f'{k}={v}' for k, v in d.items()]
