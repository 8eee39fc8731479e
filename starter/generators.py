"""生成器 / Generators -- see exercises/generators/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""


def fib(max):
    """生成器：依次产出前 max 个斐波那契数 1, 1, 2, 3, 5, ……，结束时 return 'done'。

    A generator: yield the first max Fibonacci numbers 1, 1, 2, 3, 5, ...,
    then `return 'done'` (it becomes StopIteration.value).
    """
    raise NotImplementedError


def triangles():
    """无限生成器：依次产出杨辉三角的每一行 [1], [1, 1], [1, 2, 1], ……，每行都是一个新的 list。

    An endless generator: yield the rows of Pascal's triangle [1], [1, 1], [1, 2, 1], ...,
    each row a NEW list (never change a row you have already yielded).
    """
    raise NotImplementedError


def chunked(iterable, size):
    """生成器：把 iterable 按 size 个一组切成 list 依次产出，最后一组可以更短；size < 1 时抛出 ValueError。

    A generator: yield lists of size items taken from iterable in order, the last one
    may be shorter; raise ValueError when size < 1. Works on any iterable, even an
    endless one: take only the items the next chunk needs.
    """
    raise NotImplementedError
