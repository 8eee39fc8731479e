# mutant-of: Screen.resolution
# mistake: forgets @property, so s.resolution is a method instead of a number

class Screen:
    @property
    def width(self):
        return self._width

    @width.setter
    def width(self, value):
        self._width = value

    @property
    def height(self):
        return self._height

    @height.setter
    def height(self, value):
        self._height = value

    def resolution(self):
        return self._width * self._height
