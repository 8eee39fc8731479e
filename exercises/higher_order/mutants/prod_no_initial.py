# mutant-of: prod
# mistake: gives reduce no initial value, so prod([]) raises TypeError instead of returning 1

def prod(L):
    return reduce(lambda x, y: x * y, L)
