# mutant-of: Student
# mistake: defines __str__ only, so repr() shows <...Student object at 0x...>

class Student:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return f'Student object (name: {self.name})'
