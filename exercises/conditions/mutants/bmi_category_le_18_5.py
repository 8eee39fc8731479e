# mutant-of: bmi_category
# mistake: uses <= 18.5, so a BMI of exactly 18.5 is 过轻

def bmi_category(height_m, weight_kg):
    bmi = weight_kg / height_m ** 2
    if bmi <= 18.5:
        return '过轻'
    elif bmi < 25:
        return '正常'
    elif bmi < 28:
        return '过重'
    elif bmi < 32:
        return '肥胖'
    else:
        return '严重肥胖'
