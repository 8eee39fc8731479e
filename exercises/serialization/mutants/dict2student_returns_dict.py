# mutant-of: dict2student
# mistake: returns the dict unchanged instead of building a Student

def dict2student(d):
    return dict(d)
