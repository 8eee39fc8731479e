# mutant-of: emptiness
# mistake: only treats None as empty


def age_group(age):
    if age >= 18:
        return 'adult'
    elif age >= 6:
        return 'teenager'
    else:
        return 'kid'


def bmi_category(height_m, weight_kg):
    bmi = weight_kg / height_m ** 2
    if bmi < 18.5:
        return '过轻'
    elif bmi < 25:
        return '正常'
    elif bmi < 28:
        return '过重'
    elif bmi < 32:
        return '肥胖'
    else:
        return '严重肥胖'


def emptiness(x):
    if x is None:
        return 'empty'
    else:
        return 'non-empty'
