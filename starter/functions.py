"""函数 / Functions -- see exercises/functions/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""

import math


def my_abs(x):
    """返回 x 的绝对值；x 不是 int 或 float 时抛出 TypeError('bad operand type')。

    Return the absolute value of x; raise TypeError('bad operand type') if x is not an int or float.
    """
    raise NotImplementedError


def move(x, y, step, angle=0):
    """从 (x, y) 沿角度 angle（弧度）走 step，返回新坐标 (nx, ny)。

    Move from (x, y) by step in direction angle (radians); return (nx, ny)
    with nx = x + step * cos(angle) and ny = y - step * sin(angle).
    """
    raise NotImplementedError


def quadratic(a, b, c):
    """返回 ax² + bx + c = 0 的两个根 (x1, x2)，x1 用 +√Δ，x2 用 -√Δ。

    Return the roots (x1, x2) of ax² + bx + c = 0, x1 with +√Δ and x2 with -√Δ.
    Raise ValueError when a == 0 or when Δ = b² - 4ac < 0.
    """
    raise NotImplementedError
