# mutant-of: is_leap_year
# mistake: only checks divisibility by 4 (1900 counts as a leap year)

PI = 3.141592653


def divide(a, b):
    return a / b, a // b, a % b


def is_leap_year(year):
    return year % 4 == 0


def circle_area(r):
    return PI * r ** 2
