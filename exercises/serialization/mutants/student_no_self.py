# mutant-of: Student
# mistake: writes score = score instead of self.score = score, so the score is lost

class Student(object):
    def __init__(self, name, age, score):
        self.name = name
        self.age = age
        score = score
