# mutant-of: make_power
# mistake: passes exponent positionally, so it is bound to base

import functools


def power(base, exponent):
    return base ** exponent


int2 = functools.partial(int, base=2)

square = functools.partial(power, exponent=2)

cube = functools.partial(power, exponent=3)


def make_power(exponent):
    return functools.partial(power, exponent)
