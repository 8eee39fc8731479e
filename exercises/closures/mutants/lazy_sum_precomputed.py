# mutant-of: lazy_sum
# mistake: computes the sum when lazy_sum is called, and the returned function only hands back the stored total

"""Reference solution for closures (instructor only; never released)."""


def lazy_sum(*args):
    total = 0
    for n in args:
        total = total + n

    def sum_():
        return total
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
