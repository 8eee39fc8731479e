# mutant-of: age_group
# mistake: prints the group (as the notes do) instead of returning it

def age_group(age):
    if age >= 18:
        print('adult')
    elif age >= 6:
        print('teenager')
    else:
        print('kid')
