# mutant-of: circle_area
# mistake: copies the digits of PI into the function instead of using the constant

PI = 3.141592653


def divide(a, b):
    return a / b, a // b, a % b


def is_leap_year(year):
    return (year % 4 == 0 and year % 100 != 0) or year % 400 == 0


def circle_area(r):
    return 3.141592653 * r ** 2
