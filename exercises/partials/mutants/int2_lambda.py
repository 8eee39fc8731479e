# mutant-of: int2
# mistake: writes a lambda instead of a functools.partial

import functools


def power(base, exponent):
    return base ** exponent


int2 = lambda x, base=2: int(x, base)

square = functools.partial(power, exponent=2)

cube = functools.partial(power, exponent=3)


def make_power(exponent):
    return functools.partial(power, exponent=exponent)
