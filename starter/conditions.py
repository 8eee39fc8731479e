"""条件判断 / Conditions -- see exercises/conditions/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""


def age_group(age):
    """age >= 18 返回 'adult'，6 <= age < 18 返回 'teenager'，否则返回 'kid'。

    Return 'adult' when age >= 18, 'teenager' when 6 <= age < 18, otherwise 'kid'.
    """
    raise NotImplementedError


def bmi_category(height_m, weight_kg):
    """BMI = weight_kg / height_m²。BMI < 18.5 返回 '过轻'，< 25 '正常'，< 28 '过重'，< 32 '肥胖'，否则 '严重肥胖'。

    BMI = weight_kg / height_m². Return '过轻' below 18.5, '正常' below 25,
    '过重' below 28, '肥胖' below 32, otherwise '严重肥胖'.
    """
    raise NotImplementedError


def emptiness(x):
    """x 为“假”（0、''、[]、None……）时返回 'empty'，否则返回 'non-empty'。

    Return 'empty' when x is falsy (0, '', [], None, ...), otherwise 'non-empty'.
    """
    raise NotImplementedError
