# mutant-of: Student.score
# mistake: checks the range before the type, so 150.5 gets the range message instead of the integer one

class Student:
    @property
    def score(self):
        return self._score

    @score.setter
    def score(self, value):
        if value < 0 or value > 100:
            raise ValueError('score must between 0 ~ 100!')
        if not isinstance(value, int):
            raise ValueError('score must be an integer!')
        self._score = value

    @property
    def birth(self):
        return self._birth

    @birth.setter
    def birth(self, value):
        self._birth = value

    @property
    def age(self):
        return CURRENT_YEAR - self._birth
