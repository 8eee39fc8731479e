# mutant-of: Person
# mistake: raises ValueError instead of TypeError

class Person:
    def __init__(self, name, gender):
        if not isinstance(gender, Gender):
            raise ValueError('gender must be a Gender member')
        self.name = name
        self.gender = gender
