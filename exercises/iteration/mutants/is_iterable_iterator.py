# mutant-of: is_iterable
# mistake: tests Iterator instead of Iterable, so lists and strings count as not iterable

from collections.abc import Iterator


def find_min_and_max(L):
    lo = hi = None
    for x in L:
        if lo is None or x < lo:
            lo = x
        if hi is None or x > hi:
            hi = x
    return lo, hi


def numbered(items, start=1):
    return [f'{i}. {item}' for i, item in enumerate(items, start)]


def is_iterable(obj):
    return isinstance(obj, Iterator)
