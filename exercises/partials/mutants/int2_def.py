# mutant-of: int2
# mistake: defines int2 with def and no base parameter, so it is no partial and int2('10', base=10) fails

import functools


def power(base, exponent):
    return base ** exponent


def int2(x):
    return int(x, 2)

square = functools.partial(power, exponent=2)

cube = functools.partial(power, exponent=3)


def make_power(exponent):
    return functools.partial(power, exponent=exponent)
