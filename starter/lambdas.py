"""匿名函数 lambda / Anonymous functions: lambda -- see exercises/lambdas/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""


def is_odd(n):
    """n 是奇数时返回 True，否则返回 False。

    注意：is_odd 必须是一个 lambda。把整个 def 换成一行
        is_odd = lambda n: ...

    Return True when n is odd, False otherwise.

    Note: is_odd must be a lambda. Replace this whole def with one line
        is_odd = lambda n: ...
    """
    raise NotImplementedError


def odd_numbers(L):
    """用 filter 加一个 lambda，返回 L 中所有奇数组成的新 list（保持原来的顺序，不修改 L）。

    Using filter with a lambda, return a new list of the odd numbers of L
    (in their original order; L itself is not changed).
    """
    raise NotImplementedError


def build(x, y):
    """返回一个不带参数的 lambda，调用它时返回 x * x + y * y。

    Return a lambda taking no arguments that returns x * x + y * y when called.
    """
    raise NotImplementedError
