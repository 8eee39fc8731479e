# mutant-of: is_leap_year
# mistake: uses the remainder itself as the condition, so it returns an int instead of True

def is_leap_year(year):
    return not year % 4 and year % 100 or not year % 400
