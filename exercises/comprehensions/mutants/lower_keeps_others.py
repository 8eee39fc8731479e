# mutant-of: lower_strings
# mistake: keeps the non-strings in the list instead of dropping them


def squares(n):
    return [x * x for x in range(1, n + 1)]


def even_squares(n):
    return [x * x for x in range(1, n + 1) if x % 2 == 0]


def sign_flip(n):
    return [x if x % 2 == 0 else -x for x in range(1, n + 1)]


def lower_strings(items):
    return [s.lower() if isinstance(s, str) else s for s in items]


def cross(a, b):
    return [m + n for m in a for n in b]


def kv_pairs(d):
    return [f'{k}={v}' for k, v in d.items()]
