# mutant-of: Month
# mistake: writes Month as a class instead of with the functional Enum(...) API

from enum import Enum, unique

MONTH_NAMES = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')

class Month(Enum):
    Jan = 1
    Feb = 2
    Mar = 3
    Apr = 4
    May = 5
    Jun = 6
    Jul = 7
    Aug = 8
    Sep = 9
    Oct = 10
    Nov = 11
    Dec = 12


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


class Gender(Enum):
    Male = 0
    Female = 1


class Person:
    def __init__(self, name, gender):
        if not isinstance(gender, Gender):
            raise TypeError('gender must be a Gender member')
        self.name = name
        self.gender = gender
