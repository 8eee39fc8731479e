"""枚举 / Enumerations -- see exercises/enums/README.md.

把每个 TODO 和 raise NotImplementedError 换成你的代码。
Replace each TODO and `raise NotImplementedError` with your code.
"""

from enum import Enum, unique

MONTH_NAMES = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')

# TODO: 用函数式 API 定义 Month：Month = Enum('Month', ...)，Month.Jan.value == 1。
# TODO: define Month with the functional API: Month = Enum('Month', ...), Month.Jan.value == 1.
Month = None


# TODO: 在类上面加 @unique。 / TODO: put @unique above the class.
class Weekday(Enum):
    """MONDAY = 1, TUESDAY = 2, ..., SUNDAY = 7（全大写）。 / MONDAY = 1, TUESDAY = 2, ..., SUNDAY = 7 (upper case)."""
    # TODO: 七个成员 / the seven members


def is_weekend(day):
    """day 是一个 Weekday 成员；SATURDAY 或 SUNDAY 时返回 True，否则返回 False。

    day is a Weekday member; return True for SATURDAY or SUNDAY, False otherwise.
    """
    raise NotImplementedError


class Gender(Enum):
    """两个成员：Male = 0，Female = 1。 / Two members: Male = 0, Female = 1."""
    # TODO: 两个成员 / the two members


class Person:
    def __init__(self, name, gender):
        """保存 self.name 和 self.gender；gender 不是 Gender 成员时抛出 TypeError。

        Store self.name and self.gender; raise TypeError when gender is not a Gender member.
        """
        raise NotImplementedError
