"""高阶函数 / Higher-order functions -- see exercises/higher_order/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""

from functools import reduce

# 每个数字字符对应的数 / the value of each digit character (for str2float)
DIGITS = {'0': 0, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7, '8': 8, '9': 9}


def normalize(names):
    """用 map 把每个名字变成首字母大写、其余小写，返回 list。normalize(['adam', 'LISA']) == ['Adam', 'Lisa']。

    With map, make each name start with an upper-case letter followed by lower-case
    ones; return a list. normalize(['adam', 'LISA']) == ['Adam', 'Lisa'].
    """
    raise NotImplementedError


def prod(L):
    """用 reduce 求列表所有元素的积；空列表返回 1。prod([3, 5, 7, 9]) == 945。

    The product of all elements of L, computed with reduce; 1 for an empty list.
    prod([3, 5, 7, 9]) == 945.
    """
    raise NotImplementedError


def str2float(s):
    """不用 float()，把 '123.456' 这样的字符串变成 123.456（用 map 和 reduce）。

    Turn a string such as '123.456' into the float 123.456 without float()
    (use map and reduce). '42' gives 42.0.
    """
    raise NotImplementedError


def primes():
    """无限生成器：依次产生 2, 3, 5, 7, 11, ...，用 filter 一层层筛掉倍数。

    An infinite generator of 2, 3, 5, 7, 11, ..., built by stacking filter()s
    that remove the multiples of each prime found.
    """
    raise NotImplementedError


def is_palindrome(n):
    """n（非负整数）从左往右读和从右往左读一样时返回 True，否则 False。

    True if the non-negative int n reads the same from both ends (121, 7, 1331), else False.
    """
    raise NotImplementedError


def by_name(pair):
    """排序用的 key：pair 是 (名字, 成绩)，返回名字。

    A sort key: pair is (name, score); return the name.
    """
    raise NotImplementedError


def by_score(pair):
    """排序用的 key：pair 是 (名字, 成绩)，返回 -成绩，这样 sorted 会从高分排到低分。

    A sort key: pair is (name, score); return -score so that sorted() puts the
    highest score first.
    """
    raise NotImplementedError
