# mutant-of: quadratic
# mistake: returns a single float instead of a tuple of two equal roots when Δ == 0

"""Reference solution for functions (instructor only; never released)."""

import math


def my_abs(x):
    if not isinstance(x, (int, float)):
        raise TypeError('bad operand type')
    if x >= 0:
        return x
    return -x


def move(x, y, step, angle=0):
    nx = x + step * math.cos(angle)
    ny = y - step * math.sin(angle)
    return nx, ny


def quadratic(a, b, c):
    if a == 0:
        raise ValueError('a must not be 0')
    delta = b * b - 4 * a * c
    if delta < 0:
        raise ValueError('no real roots')
    if delta == 0:
        return -b / (2 * a)
    root = math.sqrt(delta)
    return (-b + root) / (2 * a), (-b - root) / (2 * a)
