# mutant-of: Student
# mistake: lists the parameters as (name, score, age), so age and score are swapped

class Student(object):
    def __init__(self, name, score, age):
        self.name = name
        self.age = age
        self.score = score
