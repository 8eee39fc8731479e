# mutant-of: age_group
# mistake: uses age > 6, so a 6-year-old is a kid

def age_group(age):
    if age >= 18:
        return 'adult'
    elif age > 6:
        return 'teenager'
    else:
        return 'kid'
