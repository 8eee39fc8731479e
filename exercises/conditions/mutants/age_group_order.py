# mutant-of: age_group
# mistake: tests age >= 6 first, so adults come out as teenagers

def age_group(age):
    if age >= 6:
        return 'teenager'
    elif age >= 18:
        return 'adult'
    else:
        return 'kid'
