# mutant-of: createCounter
# mistake: keeps the count in a module-level global, so all counters share it

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


_x = 0


def createCounter():
    def counter():
        global _x
        _x = _x + 1
        return _x
    return counter
