# mutant-of: Person
# mistake: never checks the gender

class Person:
    def __init__(self, name, gender):
        self.name = name
        self.gender = gender
