# mutant-of: Weekday
# mistake: copies a tutorial that numbers Sunday 0

from enum import Enum, unique

MONTH_NAMES = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')

Month = Enum('Month', MONTH_NAMES)


@unique
class Weekday(Enum):
    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 3
    THURSDAY = 4
    FRIDAY = 5
    SATURDAY = 6
    SUNDAY = 0


def is_weekend(day):
    return day in (Weekday.SATURDAY, Weekday.SUNDAY)


class Gender(Enum):
    Male = 0
    Female = 1


class Person:
    def __init__(self, name, gender):
        if not isinstance(gender, Gender):
            raise TypeError('gender must be a Gender member')
        self.name = name
        self.gender = gender
