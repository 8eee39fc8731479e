# mutant-of: dict2student
# mistake: passes score and age in the wrong order to Student

def dict2student(d):
    return Student(d['name'], d['score'], d['age'])
