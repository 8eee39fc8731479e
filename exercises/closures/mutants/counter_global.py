# mutant-of: createCounter
# mistake: keeps the count in a module-level global, so all counters share it

_x = 0


def createCounter():
    def counter():
        global _x
        _x = _x + 1
        return _x
    return counter
