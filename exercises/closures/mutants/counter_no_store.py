# mutant-of: createCounter
# mistake: returns x + 1 without storing it (dodging nonlocal), so it always gives 1

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
        return x + 1
    return counter
