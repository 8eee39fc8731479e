# mutant-of: Student
# mistake: leaves out the space after the colon: 'Student object (name:X)'

class Student:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return f'Student object (name:{self.name})'

    __repr__ = __str__
