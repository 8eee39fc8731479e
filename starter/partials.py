"""偏函数 / Partial functions -- see exercises/partials/README.md.

把每个 raise NotImplementedError 换成你的代码。int2、square、cube 最后都应该是
functools.partial 对象：把它们的 def 整个换成一行赋值。

Replace each `raise NotImplementedError` with your code. int2, square and cube must end up
as functools.partial objects: replace each of those defs with a one-line assignment.
"""

import functools


def power(base, exponent):
    """已经写好：返回 base 的 exponent 次方。不要修改。

    Given: return base to the power exponent. Do not change it.
    """
    return base ** exponent


def int2(x, base=2):
    """把二进制字符串 x 转成整数，例如 int2('1000000') == 64；base 仍然可以覆盖：int2('10', base=10) == 10。

    要求：int2 = functools.partial(int, ...)，不要用 def。

    Turn the binary string x into an int, e.g. int2('1000000') == 64; base can still be
    overridden: int2('10', base=10) == 10.

    Required: int2 = functools.partial(int, ...), not a def.
    """
    raise NotImplementedError


def square(base):
    """返回 base 的平方，例如 square(5) == 25。

    要求：square 是 power 的偏函数（functools.partial(power, ...)），不要用 def。

    Return base squared, e.g. square(5) == 25.

    Required: square is a partial of power (functools.partial(power, ...)), not a def.
    """
    raise NotImplementedError


def cube(base):
    """返回 base 的立方，例如 cube(5) == 125。

    要求：cube 是 power 的偏函数（functools.partial(power, ...)），不要用 def。

    Return base cubed, e.g. cube(5) == 125.

    Required: cube is a partial of power (functools.partial(power, ...)), not a def.
    """
    raise NotImplementedError


def make_power(exponent):
    """返回一个新的 functools.partial：power 的 exponent 被固定为参数 exponent。
    例如 make_power(3)(2) == 8。

    Return a new functools.partial of power with exponent fixed at the given value,
    e.g. make_power(3)(2) == 8.
    """
    raise NotImplementedError
