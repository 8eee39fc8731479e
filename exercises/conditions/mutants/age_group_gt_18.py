# mutant-of: age_group
# mistake: uses age > 18, so an 18-year-old is not an adult

def age_group(age):
    if age > 18:
        return 'adult'
    elif age >= 6:
        return 'teenager'
    else:
        return 'kid'
