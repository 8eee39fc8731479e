# mutant-of: createCounter
# mistake: a module-level count that createCounter() resets to 0, so a new counter restarts the others

n = 0


def createCounter():
    global n
    n = 0

    def counter():
        global n
        n = n + 1
        return n
    return counter
