# mutant-of: is_leap_year
# mistake: forgets the 400 rule (2000 is not a leap year)

def is_leap_year(year):
    return year % 4 == 0 and year % 100 != 0
