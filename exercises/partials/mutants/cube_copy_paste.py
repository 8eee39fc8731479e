# mutant-of: cube
# mistake: copies the square line and forgets to change exponent=2 into 3

import functools


def power(base, exponent):
    return base ** exponent


int2 = functools.partial(int, base=2)

square = functools.partial(power, exponent=2)

cube = functools.partial(power, exponent=2)


def make_power(exponent):
    return functools.partial(power, exponent=exponent)
