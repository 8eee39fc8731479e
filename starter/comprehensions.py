"""列表生成式 / List comprehensions -- see exercises/comprehensions/README.md.

把每个 raise NotImplementedError 换成你的代码（每个函数一行列表生成式就够了）。
Replace each `raise NotImplementedError` with your code (one list comprehension each is enough).
"""


def squares(n):
    """[1², 2², ..., n²]；n <= 0 时返回 []。squares(3) == [1, 4, 9]。

    [1², 2², ..., n²]; [] when n <= 0. squares(3) == [1, 4, 9].
    """
    raise NotImplementedError


def even_squares(n):
    """1 到 n 里偶数的平方。even_squares(6) == [4, 16, 36]。

    The squares of the even numbers from 1 to n. even_squares(6) == [4, 16, 36].
    """
    raise NotImplementedError


def sign_flip(n):
    """1 到 n，偶数不变、奇数取负。sign_flip(4) == [-1, 2, -3, 4]。

    1 to n, even numbers as they are, odd ones negated. sign_flip(4) == [-1, 2, -3, 4].
    """
    raise NotImplementedError


def lower_strings(items):
    """只保留 items 里的字符串，并转成小写。lower_strings(['Hello', 18, 'WORLD']) == ['hello', 'world']。

    Keep only the strings of items, lowercased.
    lower_strings(['Hello', 18, 'WORLD']) == ['hello', 'world'].
    """
    raise NotImplementedError


def cross(a, b):
    """a 的每个元素拼上 b 的每个元素。cross('AB', 'XY') == ['AX', 'AY', 'BX', 'BY']。

    Each element of a joined with each element of b.
    cross('AB', 'XY') == ['AX', 'AY', 'BX', 'BY'].
    """
    raise NotImplementedError


def kv_pairs(d):
    """把字典的每一项写成 'k=v'。kv_pairs({'a': 1, 'b': 2}) == ['a=1', 'b=2']。

    Each item of the dict as 'k=v'. kv_pairs({'a': 1, 'b': 2}) == ['a=1', 'b=2'].
    """
    raise NotImplementedError
