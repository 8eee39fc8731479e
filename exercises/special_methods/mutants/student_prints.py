# mutant-of: Student
# mistake: __str__ prints the text instead of returning it

class Student:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        print(f'Student object (name: {self.name})')

    __repr__ = __str__
