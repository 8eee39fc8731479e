# mutant-of: find_min_and_max
# mistake: calls min() and max(), which the exercise forbids

from collections.abc import Iterable


def find_min_and_max(L):
    if len(L) == 0:
        return None, None
    return min(L), max(L)


def numbered(items, start=1):
    return [f'{i}. {item}' for i, item in enumerate(items, start)]


def is_iterable(obj):
    return isinstance(obj, Iterable)
