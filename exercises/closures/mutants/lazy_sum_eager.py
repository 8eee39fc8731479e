# mutant-of: lazy_sum
# mistake: adds the numbers up at once and returns the total instead of a function

"""Reference solution for closures (instructor only; never released)."""


def lazy_sum(*args):
    total = 0
    for n in args:
        total = total + n
    return total


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
