# mutant-of: find_min_and_max
# mistake: starts from L[0] without checking for an empty list (IndexError)

from collections.abc import Iterable


def find_min_and_max(L):
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
