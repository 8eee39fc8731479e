"""元组 tuple / Tuples -- see exercises/tuples/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""


def single(x):
    """返回只包含 x 一个元素的元组。例：single(1) -> (1,)

    Return a tuple holding just x. Example: single(1) -> (1,)
    """
    raise NotImplementedError


def swap(pair):
    """pair 有两个元素 (a, b)（元组或列表），返回新元组 (b, a)。例：swap((1, 2)) -> (2, 1)

    pair holds two items (a, b) (a tuple or a list); return the new tuple (b, a).
    """
    raise NotImplementedError


def freeze(rows):
    """把列表的列表变成元组的元组：一份深拷贝，每一层的 list（和 tuple）都变成 tuple，其他值不变。

    例：freeze([[1, 2], [3, [4]]]) -> ((1, 2), (3, (4,)))

    Turn a list of lists into a tuple of tuples: a deep copy in which every list
    (and tuple) at any depth becomes a tuple; other values stay as they are.
    """
    raise NotImplementedError
