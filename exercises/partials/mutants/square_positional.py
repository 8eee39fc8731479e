# mutant-of: square
# mistake: fixes the first argument (base) with partial(power, 2), so square(x) is 2 ** x

import functools


def power(base, exponent):
    return base ** exponent


int2 = functools.partial(int, base=2)

square = functools.partial(power, 2)

cube = functools.partial(power, exponent=3)


def make_power(exponent):
    return functools.partial(power, exponent=exponent)
