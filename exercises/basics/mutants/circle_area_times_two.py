# mutant-of: circle_area
# mistake: writes r * 2 instead of r ** 2

PI = 3.141592653


def divide(a, b):
    return a / b, a // b, a % b


def is_leap_year(year):
    return (year % 4 == 0 and year % 100 != 0) or year % 400 == 0


def circle_area(r):
    return PI * r * 2
