# mutant-of: cube
# mistake: builds the partial on the built-in pow instead of the given power

import functools


def power(base, exponent):
    return base ** exponent


int2 = functools.partial(int, base=2)

square = functools.partial(power, exponent=2)

cube = functools.partial(pow, exp=3)


def make_power(exponent):
    return functools.partial(power, exponent=exponent)
