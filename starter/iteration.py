"""迭代 / Iteration -- see exercises/iteration/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""


def find_min_and_max(L):
    """用一次 for 循环返回 (最小值, 最大值)；空列表返回 (None, None)。不许用 min() 和 max()。

    Return (smallest, largest) of L using one for loop; (None, None) for an empty
    list. Do not use min() or max().
    """
    raise NotImplementedError


def numbered(items, start=1):
    """返回编号后的字符串列表：numbered(['a', 'b']) == ['1. a', '2. b']，编号从 start 开始。

    Return the items as numbered strings, counting from start:
    numbered(['a', 'b']) == ['1. a', '2. b'], numbered(['a'], 0) == ['0. a'].
    """
    raise NotImplementedError


def is_iterable(obj):
    """obj 能用 for 循环迭代时返回 True，否则返回 False。

    Return True if obj can be iterated over with a for loop, otherwise False.
    """
    raise NotImplementedError
