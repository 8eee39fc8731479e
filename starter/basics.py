"""运算符、变量与常量 / Operators, variables and constants -- see exercises/basics/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""

# 常量：Python 没有真正的常量，习惯上用全大写的变量名表示“不要修改它”。
# A constant: Python has no real constants; an ALL-CAPS name means "do not change this".
PI = 3.141592653


def divide(a, b):
    """返回三元组 (a / b, a // b, a % b)：真除法、向下取整的整除、余数。b 为 0 时让 ZeroDivisionError 自然抛出。

    Return the tuple (a / b, a // b, a % b): true division, floor division and
    remainder. When b is 0, let the ZeroDivisionError happen.
    """
    raise NotImplementedError


def is_leap_year(year):
    """year 是闰年时返回 True，否则返回 False（公历规则，用 and / or / not 写成一个条件）。

    Return True if year is a leap year, else False (the Gregorian rule, written
    as one condition with and / or / not).
    """
    raise NotImplementedError


def circle_area(r):
    """返回半径为 r 的圆的面积，用上面的常量 PI 计算：PI × r²。

    Return the area of a circle of radius r, computed with the constant PI above: PI × r².
    """
    raise NotImplementedError
