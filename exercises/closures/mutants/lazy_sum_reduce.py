# mutant-of: lazy_sum
# mistake: uses reduce without a start value, so lazy_sum()() raises TypeError

"""Reference solution for closures (instructor only; never released)."""


def lazy_sum(*args):
    def sum_():
        from functools import reduce
        return reduce(lambda a, b: a + b, args)
    return sum_


def count():
    fs = []
    for i in range(1, 4):
        fs.append(lambda j=i: j * j)
    return fs


def createCounter():
    x = 0

    def counter():
        nonlocal x
        x = x + 1
        return x
    return counter
