# mutant-of: make_power
# mistake: passes exponent positionally, so it is bound to base

def make_power(exponent):
    return functools.partial(power, exponent)
