# mutant-of: Student.score
# mistake: forgets the isinstance(value, int) check, so 59.5 is accepted

class Student:
    @property
    def score(self):
        return self._score

    @score.setter
    def score(self, value):
        if value < 0 or value > 100:
            raise ValueError('score must between 0 ~ 100!')
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
