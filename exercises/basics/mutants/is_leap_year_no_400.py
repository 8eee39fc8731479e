# mutant-of: is_leap_year
# mistake: forgets the 400 rule (2000 is not a leap year)

PI = 3.141592653


def divide(a, b):
    return a / b, a // b, a % b


def is_leap_year(year):
    return year % 4 == 0 and year % 100 != 0


def circle_area(r):
    return PI * r ** 2
