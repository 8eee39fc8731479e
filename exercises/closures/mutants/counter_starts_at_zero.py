# mutant-of: createCounter
# mistake: returns the count before adding 1, so it gives 0, 1, 2

def createCounter():
    x = 0

    def counter():
        nonlocal x
        old = x
        x = x + 1
        return old
    return counter
