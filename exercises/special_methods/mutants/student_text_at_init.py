# mutant-of: Student
# mistake: builds the text once in __init__, so str() still shows the old name after s.name changes

class Student:
    def __init__(self, name):
        self.name = name
        self.text = f'Student object (name: {name})'

    def __str__(self):
        return self.text

    __repr__ = __str__
