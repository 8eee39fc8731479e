"""切片 / Slicing -- see exercises/slicing/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""


def trim(s):
    """去掉字符串首尾的空格 ' '（中间的保留）；不许用 strip / lstrip / rstrip。

    Remove the leading and trailing spaces ' ' of s (inner ones stay), without
    strip, lstrip or rstrip. trim('  hello  ') == 'hello'.
    """
    raise NotImplementedError


def every_other(seq):
    """从第一个元素开始每隔一个取一个，返回同类型的序列。

    Every other element, starting with the first, as a sequence of the same type:
    every_other('ABCDE') == 'ACE'.
    """
    raise NotImplementedError


def last_n(seq, n):
    """返回最后 n 个元素（同类型）；n == 0 返回空序列，n 超过长度返回全部，n < 0 抛出 ValueError。

    The last n elements, same type as seq; n == 0 gives an empty sequence, n larger
    than the length gives everything, n < 0 raises ValueError.
    """
    raise NotImplementedError


def reverse(seq):
    """返回倒序后的新序列（str、list、tuple 都行，类型不变），不修改 seq。

    A new, reversed sequence of the same type (str, list or tuple); seq is not changed.
    """
    raise NotImplementedError
