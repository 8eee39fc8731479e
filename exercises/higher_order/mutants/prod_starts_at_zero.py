# mutant-of: prod
# mistake: gives reduce the initial value 0, so every product is 0

def prod(L):
    return reduce(lambda x, y: x * y, L, 0)
