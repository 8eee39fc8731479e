"""列表 list / Lists -- see exercises/lists/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""


def rotate(items, k):
    """返回把 items 向左轮转 k 位得到的新列表，不修改 items。k 可以大于长度，也可以是负数（向右转）。

    例：rotate([1, 2, 3, 4, 5], 2) -> [3, 4, 5, 1, 2]

    Return a new list: items rotated left by k places; items itself is not changed.
    k may be larger than the length, or negative (rotate right).
    """
    raise NotImplementedError


def move_to_front(items, value):
    """把 items 里第一个等于 value 的元素移到最前面，直接修改 items 并返回它（同一个列表）。
    value 不在 items 里时抛出 ValueError。

    例：move_to_front(['a', 'b', 'c'], 'c') -> ['c', 'a', 'b']

    Move the first element equal to value to the front, changing items itself, and
    return items (the same list). Raise ValueError if value is not in items.
    """
    raise NotImplementedError


def dedupe(items):
    """返回一个新列表：items 去掉重复元素，每个值保留第一次出现的位置，顺序不变。不修改 items。

    例：dedupe([3, 1, 3, 2, 1]) -> [3, 1, 2]

    Return a new list with the duplicates of items removed, keeping each value's
    first occurrence, in order. items itself is not changed.
    """
    raise NotImplementedError
