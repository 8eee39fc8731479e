# mutant-of: Person
# mistake: accepts any Enum member (isinstance(gender, Enum)), e.g. Weekday.MONDAY

class Person:
    def __init__(self, name, gender):
        if not isinstance(gender, Enum):
            raise TypeError('gender must be a Gender member')
        self.name = name
        self.gender = gender
