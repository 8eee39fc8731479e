# mutant-of: Gender
# mistake: uses the functional API, so the values are 1 and 2 instead of 0 and 1

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
    SUNDAY = 7


def is_weekend(day):
    return day in (Weekday.SATURDAY, Weekday.SUNDAY)


Gender = Enum('Gender', ('Male', 'Female'))


class Person:
    def __init__(self, name, gender):
        if not isinstance(gender, Gender):
            raise TypeError('gender must be a Gender member')
        self.name = name
        self.gender = gender
