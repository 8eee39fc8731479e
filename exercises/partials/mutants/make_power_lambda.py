# mutant-of: make_power
# mistake: returns a lambda instead of a functools.partial

def make_power(exponent):
    return lambda base: power(base, exponent)
