# mutant-of: is_weekend
# mistake: compares the member with strings, which never matches

def is_weekend(day):
    return day in ('SATURDAY', 'SUNDAY')
