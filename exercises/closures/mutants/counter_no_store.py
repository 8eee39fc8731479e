# mutant-of: createCounter
# mistake: returns x + 1 without storing it (dodging nonlocal), so it always gives 1

def createCounter():
    x = 0

    def counter():
        return x + 1
    return counter
