# mutant-of: numbered
# mistake: always numbers from 1, ignoring the start argument

from collections.abc import Iterable


def find_min_and_max(L):
    lo = hi = None
    for x in L:
        if lo is None or x < lo:
            lo = x
        if hi is None or x > hi:
            hi = x
    return lo, hi


def numbered(items, start=1):
    return [f'{i}. {item}' for i, item in enumerate(items, 1)]


def is_iterable(obj):
    return isinstance(obj, Iterable)
