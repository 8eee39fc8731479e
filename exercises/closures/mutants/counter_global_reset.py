# mutant-of: createCounter
# mistake: a module-level count that createCounter() resets to 0, so a new counter restarts the others

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


n = 0


def createCounter():
    global n
    n = 0

    def counter():
        global n
        n = n + 1
        return n
    return counter
