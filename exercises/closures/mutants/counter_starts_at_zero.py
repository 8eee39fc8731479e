# mutant-of: createCounter
# mistake: returns the count before adding 1, so it gives 0, 1, 2

"""Reference solution for closures (instructor only; never released)."""


def lazy_sum(*args):
    def sum_():
        total = 0
        for n in args:
            total = total + n
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
        old = x
        x = x + 1
        return old
    return counter
