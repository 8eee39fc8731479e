"""返回函数与闭包 / Returning functions and closures -- see exercises/closures/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""


def lazy_sum(*args):
    """不立刻求和，而是返回一个不带参数的函数；调用那个函数时才返回 args 的和（没有参数时为 0）。

    Do not add up yet: return a function taking no arguments that, when called,
    returns the sum of args (0 when there are none).
    """
    raise NotImplementedError


def count():
    """返回一个包含三个函数的 list，依次调用它们得到 1, 4, 9（避开循环变量的延迟绑定陷阱）。

    Return a list of three functions that give 1, 4 and 9 when called
    (dodge the late-binding trap of the loop variable).
    """
    raise NotImplementedError


def createCounter():
    """返回一个计数器函数：第一次调用返回 1，然后 2, 3, ……；每个计数器各自独立计数。

    Return a counter function: its first call returns 1, then 2, 3, ...;
    every counter counts on its own.
    """
    raise NotImplementedError
