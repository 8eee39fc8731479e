# mutant-of: is_leap_year
# mistake: uses the remainder itself as the condition, so it returns an int instead of True

PI = 3.141592653


def divide(a, b):
    return a / b, a // b, a % b


def is_leap_year(year):
    return not year % 4 and year % 100 or not year % 400


def circle_area(r):
    return PI * r ** 2
