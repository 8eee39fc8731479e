# mutant-of: find_min_and_max
# mistake: returns a bare None for an empty list instead of (None, None)

from collections.abc import Iterable


def find_min_and_max(L):
    if len(L) == 0:
        return None
    lo = hi = L[0]
    for x in L:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi


def numbered(items, start=1):
    return [f'{i}. {item}' for i, item in enumerate(items, start)]


def is_iterable(obj):
    return isinstance(obj, Iterable)
