# mutant-of: make_power
# mistake: returns a lambda instead of a functools.partial

import functools


def power(base, exponent):
    return base ** exponent


int2 = functools.partial(int, base=2)

square = functools.partial(power, exponent=2)

cube = functools.partial(power, exponent=3)


def make_power(exponent):
    return lambda base: power(base, exponent)
