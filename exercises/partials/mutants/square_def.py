# mutant-of: square
# mistake: writes an ordinary function instead of a partial

import functools


def power(base, exponent):
    return base ** exponent


int2 = functools.partial(int, base=2)

def square(x):
    return power(x, 2)

cube = functools.partial(power, exponent=3)


def make_power(exponent):
    return functools.partial(power, exponent=exponent)
