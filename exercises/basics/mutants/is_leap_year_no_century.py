# mutant-of: is_leap_year
# mistake: only checks divisibility by 4 (1900 counts as a leap year)

def is_leap_year(year):
    return year % 4 == 0
