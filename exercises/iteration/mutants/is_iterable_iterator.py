# mutant-of: is_iterable
# mistake: tests Iterator instead of Iterable, so lists and strings count as not iterable

from collections.abc import Iterator


def is_iterable(obj):
    return isinstance(obj, Iterator)
