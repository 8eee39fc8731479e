# mutant-of: int2
# mistake: writes a lambda instead of a functools.partial

int2 = lambda x, base=2: int(x, base)
