# mutant-of: is_weekend
# mistake: uses >= 5, so Friday counts as the weekend

def is_weekend(day):
    return day.value >= 5
